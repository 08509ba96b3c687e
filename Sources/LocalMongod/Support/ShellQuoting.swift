public import DoctorCore

/// Renders argv arrays as command lines a person can paste, quoting per platform.
///
/// POSIX shells get single quotes around any word with characters outside
/// `[A-Za-z0-9_@%+=:,./-]`; Windows `cmd` gets double quotes around words with spaces or
/// metacharacters (backslashes stay as they are).
public enum ShellQuoting {
    /// One command line for `argv` on `platform`.
    public static func render(_ argv: [String], for platform: Platform) -> String {
        argv.map { quote($0, for: platform) }.joined(separator: " ")
    }

    /// Commands joined by a pipe (`netstat -ano | findstr :27017`).
    public static func pipeline(_ commands: [[String]], for platform: Platform) -> String {
        commands.map { render($0, for: platform) }.joined(separator: " | ")
    }

    /// One word, quoted when needed.
    public static func quote(_ word: String, for platform: Platform) -> String {
        platform == .windows ? quoteWindows(word) : quotePOSIX(word)
    }

    static func quotePOSIX(_ word: String) -> String {
        if word.isEmpty { return "''" }
        let safe = word.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (CharacterSetASCII.alphanumeric(scalar))) || "_@%+=:,./-".unicodeScalars.contains(scalar)
        }
        if safe { return word }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }

    static func quoteWindows(_ word: String) -> String {
        if word.isEmpty { return "\"\"" }
        let special = " \t&|<>^()%!\"';,="
        guard word.contains(where: { special.contains($0) }) else { return word }
        return "\"" + word.replacingAll("\"", with: "\\\"") + "\""
    }
}

/// ASCII character classes without Foundation's CharacterSet.
enum CharacterSetASCII {
    static func alphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
