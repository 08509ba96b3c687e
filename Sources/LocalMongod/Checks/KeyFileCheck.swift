import DoctorCore

/// `keyfile`: the replica-set key file is private (no group or other bits), readable by the
/// service user, and holds only base64 characters. Its content is never shown.
struct KeyFileCheck: BlockingCheck {
    let id: CheckID = .keyfile
    let title = "Key file (security.keyFile)"
    let state: LocalState

    /// mongod accepts keys of 6 to 1024 base64 characters.
    static let lengthRange = 6...1024

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        guard let keyFile = settings.keyFile else { return .notApplicable("no security.keyFile configured") }
        let path = keyFile.value
        let probes = state.probes
        let commands = state.commands(settings)
        let catalog = state.catalogValues(settings)
        let values = CatalogValues.known([
            "path": path, "serviceUser": catalog.serviceUser, "user": catalog.user, "config": catalog.config,
        ])
        let owner = Fix(id: .keyfileChown, summary: "Give the key file to \(settings.serviceUser.value)", commands: commands.chown(path))
        guard let status = probes.files.status(ofPath: path) else {
            return outcome(path, [finding(
                .keyfileUnreadable, "The key file \(path) does not exist", ["security.keyFile: \(keyFile.described)"], [],
                values.merging(["reason": "it does not exist"]) { $1 })])
        }
        let described = FileDescription.describe(path, status, users: probes.users)
        var findings: [Finding] = []
        if settings.platform != .windows {
            if status.permissions & 0o077 != 0 {
                findings.append(finding(
                    .keyfileTooOpen, "Permissions on the key file \(path) are too open (\(FileDescription.octal(status)))",
                    [described, "mongod requires no group or other permission bits (mode 400 or 600)"],
                    [Fix(id: .keyfileChmod, summary: "Make the key file private", commands: [commands.privileged(["chmod", "400", path])]), owner],
                    values))
            }
            if let account = state.serviceAccount(settings), !probes.files.canAccess(path, .read, as: account) {
                findings.append(finding(
                    .keyfileUnreadable, "The key file \(path) is not readable by the service user \(account.name)",
                    [described, "service user: \(FileDescription.describe(user: account))"], [owner],
                    values.merging(["reason": "not readable by the service user \(account.name)"]) { $1 }))
            }
        }
        let readable = (try? state.probes.files.readFile(atPath: path, maxBytes: 1)) != nil
        if let (problem, notBase64) = contentProblem(path) {
            findings.append(finding(
                .keyfileInvalidContent, "The key file \(path) \(problem)", [described],
                [Fix(
                    id: .keyfileRegenerate,
                    summary: "Write a new key of base64 characters and copy it to every member",
                    commands: [commands.line(["openssl", "rand", "-base64", "-out", path, "756"])])],
                // The catalog's words are about a character that is not base64, not about the length.
                notBase64 ? values : [:]))
        }
        // Say "well-formed" only when the content was actually read and checked.
        return outcome(path, findings, contentChecked: readable)
    }

    private func outcome(_ path: String, _ findings: [Finding], contentChecked: Bool = false) -> CheckOutcome {
        let fine = contentChecked ? "\(path) is private and well-formed" : "\(path) is private (its content could not be read here)"
        return CheckOutcome(detail: findings.first?.title ?? fine, findings: findings)
    }

    private func finding(
        _ id: FindingID, _ title: String, _ evidence: [String], _ fixes: [Fix], _ values: [String: String]
    ) -> Finding {
        Finding(
            id: id, severity: .error, title: title,
            detail: "mongod stops with 'Unable to acquire security key[s]' (exit code 1).",
            evidence: evidence, fixes: fixes, values: values)
    }

    /// Why the content is not a valid key, by position only (the key is a secret), and whether
    /// the problem is a character that is not base64 (else the length).
    private func contentProblem(_ path: String) -> (String, Bool)? {
        guard let data = try? state.probes.files.readFile(atPath: path, maxBytes: 64 * 1024) else { return nil }
        var count = 0
        for (offset, byte) in data.enumerated() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                count += 1
            default:
                return ("has a character that is not base64 at byte \(offset)", true)
            }
        }
        guard Self.lengthRange.contains(count) else {
            return ("holds \(count) key characters; mongod needs \(Self.lengthRange.lowerBound) to \(Self.lengthRange.upperBound)", false)
        }
        return nil
    }
}
