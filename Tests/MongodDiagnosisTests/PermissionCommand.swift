import Foundation

/// The paths a shell command changes ownership or permissions of (`chown`, `chgrp`, `chmod`,
/// `icacls`), so tests can check that fixes only touch mongod's own files.
enum PermissionCommand {
    /// Directories no fix may chown or chmod: system directories and home directories.
    static let forbidden: Set<String> = [
        "/", "/var", "/var/log", "/var/lib", "/tmp", "/var/tmp", "/private/tmp", "/etc", "/usr", "/usr/local",
        "/opt", "/home", "/Users", "/root", "~", "$HOME", "%USERPROFILE%", #"C:\"#, #"C:\Users"#,
    ]

    /// The paths `command` changes the owner or permissions of, quotes and trailing separators removed.
    static func targets(of command: String) -> [String] {
        let separators: Set<Character> = ["&", "|", ";"]
        return command.split(whereSeparator: separators.contains).flatMap { segment -> [String] in
            let words = segment.split(separator: " ").map { String($0) }
            guard let verb = words.firstIndex(where: { ["chown", "chgrp", "chmod", "icacls"].contains($0) }) else { return [] }
            let arguments = words[(verb + 1)...].filter { !$0.hasPrefix("-") }.map(clean)
            // chown OWNER PATH…, chgrp GROUP PATH…, chmod MODE PATH…; icacls PATH /grant …
            return words[verb] == "icacls" ? Array(arguments.prefix(1)) : Array(arguments.dropFirst())
        }
    }

    /// Whether `path` is a system or home directory.
    static func isForbidden(_ path: String) -> Bool {
        if forbidden.contains(path) { return true }
        let homes = [#"^(/home|/Users)/[^/]+$"#, #"^~[^/]*$"#, #"^[A-Za-z]:\\Users\\[^\\]+$"#]
        return homes.contains { path.range(of: $0, options: .regularExpression) != nil }
    }

    private static func clean(_ word: String) -> String {
        var path = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        while path.count > 1, path.hasSuffix("/") || (path.hasSuffix(#"\"#) && path.count > 3) { path.removeLast() }
        return path
    }
}
