/// Descriptions and mirrors that never show the password or secret option values, so that
/// `print`, string interpolation and `dump` cannot leak them into logs.
extension ConnectionString: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The redacted connection string.
    public var description: String { redacted }

    /// The redacted connection string.
    public var debugDescription: String { "ConnectionString(\(redacted))" }

    /// A mirror with the password and secret option values masked.
    public var customMirror: Mirror {
        let safeOptions = options.reduce(into: [String: URIOptionValue]()) { result, entry in
            result[entry.key] = OptionTable.lookup(entry.key)?.isSecret == true ? .string(Masking.mask) : entry.value
        }
        return Mirror(self, children: [
            "scheme": scheme, "hosts": hosts, "auth": auth as Any, "options": safeOptions, "warnings": warnings,
        ], displayStyle: .struct)
    }
}

extension ConnectionString.Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `username:*****/db` with the password masked.
    public var description: String {
        let user = username ?? ""
        let secret = password == nil ? "" : ":" + Masking.mask
        return "\(user)\(secret)" + (db.map { "/\($0)" } ?? "")
    }

    /// Like ``description``.
    public var debugDescription: String { "Credentials(\(description))" }

    /// A mirror with the password masked.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "username": username as Any, "password": password.map { _ in Masking.mask } as Any, "db": db as Any,
        ], displayStyle: .struct)
    }
}
