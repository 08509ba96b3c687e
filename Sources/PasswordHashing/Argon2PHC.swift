/// The cost fields of an argon2 PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>`), read to
/// decide `needsRehash` and to refuse costs above the verifier's memory limit before libargon2 allocates.
/// libargon2 itself decodes the string again and does the verification.
struct Argon2PHC: Equatable {
    /// `v`: 19 (0x13) or 16 (0x10, also when the field is absent).
    var version: Int
    /// `m`, `t`, `p`, and the decoded salt and tag lengths.
    var parameters: Argon2Parameters

    /// The most memory a stored hash may ask for (1 GiB), so one bad row cannot exhaust the machine.
    static let maxMemoryKiB = 1 << 20

    /// Reads the fields after the `$argon2…$` prefix, or throws `malformed` with a fixed reason.
    init(_ stored: String) throws(PasswordHashError) {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        // ["", "argon2id", "v=19", "m=…,t=…,p=…", salt, tag] or without the version field.
        guard fields.count == 6 || fields.count == 5, fields[0].isEmpty else {
            throw .malformed("argon2 PHC string does not have its five or six $-separated fields")
        }
        var index = 2
        if fields.count == 6 {
            guard fields[2].hasPrefix("v="), let version = Int(fields[2].dropFirst(2)) else {
                throw .malformed("argon2 PHC version field is not v=<number>")
            }
            self.version = version
            index = 3
        } else {
            self.version = 0x10
        }
        var costs: [Substring: Int] = [:]
        for pair in fields[index].split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Int(parts[1]), value > 0 else {
                throw .malformed("argon2 PHC cost field is not m=<n>,t=<n>,p=<n>")
            }
            costs[parts[0]] = value
        }
        guard let memory = costs["m"], let iterations = costs["t"], let lanes = costs["p"] else {
            throw .malformed("argon2 PHC cost field lacks m, t or p")
        }
        guard memory <= Self.maxMemoryKiB else {
            throw .malformed("argon2 memory cost above the verifier's 1 GiB limit")
        }
        let salt = fields[index + 1].utf8.count, tag = fields[index + 2].utf8.count
        parameters = Argon2Parameters(
            memoryKiB: memory, iterations: iterations, parallelism: lanes,
            saltLength: salt * 3 / 4, tagLength: tag * 3 / 4
        )
    }

    /// Whether a hash with these fields is as strong as `floor` and the current version (19).
    func meets(_ floor: Argon2Parameters) -> Bool {
        version == 0x13 && parameters.isAtLeast(floor)
    }
}
