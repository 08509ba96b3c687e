/// Recognises fix commands that would change the owner or mode of a directory that is not
/// mongod's own: `/`, `/var`, `/var/log`, `/tmp`, `/etc`, a home directory. A log file in
/// `/var/log` is fixed with a `/var/log/mongodb` directory or by changing the file alone.
enum SafeFix {
    /// Directories no fix may chown or chmod.
    static let sharedDirectories: Set<String> = [
        "/", "/var", "/var/log", "/var/lib", "/var/tmp", "/tmp", "/private/tmp", "/etc", "/usr", "/usr/local",
        "/usr/local/var", "/opt", "/opt/homebrew", "/opt/homebrew/var", "/home", "/Users", "/root", "/srv", "/data",
        "/mnt", "/media", "~", "$HOME", "%USERPROFILE%", "C:", #"C:\"#,
    ]

    /// Whether `command` runs chown, chmod, chgrp or icacls on a shared directory.
    static func touchesSharedDirectory(_ command: String) -> Bool {
        let tools: Set = ["chown", "chmod", "chgrp", "icacls", "takeown"]
        for segment in command.split(whereSeparator: { $0 == "&" || $0 == ";" || $0 == "|" }) {
            let words = shellWords(segment)
            guard let toolIndex = words.firstIndex(where: { tools.contains(($0.split(separator: "/").last).map(String.init) ?? $0) })
            else { continue }
            if words[(toolIndex + 1)...].contains(where: isShared) { return true }
        }
        return false
    }

    /// Whether `path` names a shared directory (trailing separators ignored; `/home/alice`,
    /// `/Users/alice` and `C:\Users\alice` are home directories).
    static func isShared(_ path: String) -> Bool {
        var trimmed = path
        while trimmed.count > 1, let last = trimmed.last, last == "/" || last == "\\" { trimmed.removeLast() }
        if sharedDirectories.contains(trimmed) || sharedDirectories.contains(path) { return true }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        if trimmed.hasPrefix("/"), parts.count == 2, ["home", "Users"].contains(String(parts[0])) { return true }
        let windows = trimmed.split(separator: "\\", omittingEmptySubsequences: true)
        if windows.count <= 3, windows.first?.hasSuffix(":") == true,
            windows.count == 1 || windows.dropFirst().first.map({ ["Users", "Windows", "Program Files"].contains(String($0)) }) == true
        {
            return true
        }
        return trimmed.hasPrefix("~") && !trimmed.dropFirst().contains("/")
    }

    /// The words of a command, with single and double quotes removed.
    private static func shellWords(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
