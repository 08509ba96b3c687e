import Foundation

/// What a user asks `mongo-doctor explain` about: a finding id, or what they saw before any log —
/// mongod's exit code (`100`, `exit code 48`), a service manager's status (`status=14`,
/// `code=exited, status=100`, `status=4/ILL`) or a signal (`signal=ILL`, `SIGKILL`).
public enum ExplainQuery: Sendable, Equatable {
    /// A finding id (`dbpath.missing`).
    case finding(String)
    /// A process exit status (`100`; a shell's `132` is signal 4).
    case exitCode(Int)
    /// A signal, by name or number (`ILL`, `9`).
    case signal(String)

    /// Reads `text` as leniently as users paste it.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: [" ", "\t", "\n", "\r", "\"", "'"])
        let lower = trimmed.lowercased()
        if let status = Self.value(after: "status=", in: lower) {
            // systemd: "status=100" (exited) or "status=4/ILL" (killed by a signal)
            let parts = status.split(separator: "/", maxSplits: 1)
            if parts.count == 2, parts[1] != "n/a", !lower.contains("code=exited") {
                self = .signal(String(parts[1]))
            } else if let code = Int(parts.first ?? "") {
                self = lower.contains("code=killed") || lower.contains("code=dumped") ? .signal(String(code)) : .exitCode(code)
            } else {
                self = .finding(trimmed)
            }
        } else if let signal = Self.value(after: "signal=", in: lower) {
            self = .signal(signal)
        } else if lower.hasPrefix("sig"), lower.count > 3, lower.allSatisfy(\.isLetter) {
            self = .signal(String(lower.dropFirst(3)))
        } else if let code = Int(lower.replacingOccurrences(of: "exit code", with: "").replacingOccurrences(of: "exit", with: "")
            .trimmingCharacters(in: [" ", ":"]))
        {
            self = .exitCode(code)
        } else {
            self = .finding(lower)
        }
    }

    /// The text after `key` up to a space, comma or semicolon.
    private static func value(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...]
        let value = rest.prefix { $0 != " " && $0 != "," && $0 != ";" && $0 != ")" }
        return value.isEmpty ? nil : String(value)
    }
}
