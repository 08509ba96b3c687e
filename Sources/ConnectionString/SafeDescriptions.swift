import Redaction

/// Descriptions and mirrors that never show the password or secret option values, so that
/// `print`, string interpolation and `dump` cannot leak them into logs.
extension ConnectionString: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The redacted connection string.
    public var description: String { redacted }

    /// The redacted connection string.
    public var debugDescription: String { "ConnectionString(\(redacted))" }

    /// A mirror with the password and secret option values masked.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "scheme": scheme, "hosts": hosts, "auth": auth as Any, "options": redactedOptions, "warnings": warnings,
        ], displayStyle: .struct)
    }
}

extension ConnectionString {
    /// ``options`` with every secret value masked: the values of secret options, and the
    /// `AWS_SESSION_TOKEN` of `authMechanismProperties`. Safe to show or serialise.
    public var redactedOptions: [String: URIOptionValue] {
        options.reduce(into: [:]) { result, entry in
            if URIRedaction.isSecretOption(entry.key) {
                result[entry.key] = .string(SecretMask.text)
            } else if case .document(let properties) = entry.value {
                result[entry.key] = .document(properties.reduce(into: [:]) { masked, property in
                    masked[property.key] = URIRedaction.isSecretProperty(property.key) ? SecretMask.text : property.value
                })
            } else {
                result[entry.key] = entry.value
            }
        }
    }
}

extension ConnectionString.Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `username:*****/db` with the password masked.
    public var description: String {
        let user = username ?? ""
        let secret = password == nil ? "" : ":" + SecretMask.text
        return "\(user)\(secret)" + (db.map { "/\($0)" } ?? "")
    }

    /// Like ``description``.
    public var debugDescription: String { "Credentials(\(description))" }

    /// A mirror with the password masked.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "username": username as Any, "password": password.map { _ in SecretMask.text } as Any, "db": db as Any,
        ], displayStyle: .struct)
    }
}
