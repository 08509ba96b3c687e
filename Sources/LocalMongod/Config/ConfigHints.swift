/// Plain-words explanations of the usual ways a hand-edited mongod.conf breaks.
enum ConfigHints {
    /// Hints for an error reported at `line` (1-based), looking at that line and the one before.
    static func hints(for line: Int, in lines: [String]) -> [String] {
        let candidates = [line - 1, line - 2].filter { lines.indices.contains($0) }.map { lines[$0] }
        var hints: [String] = []
        if let tabbed = candidates.first(where: { $0.contains("\t") }) {
            let column = (tabbed.firstIndex(of: "\t").map { tabbed.distance(from: tabbed.startIndex, to: $0) } ?? 0) + 1
            hints.append("tab character at column \(column): YAML indentation must use spaces, never tabs")
        }
        if let quoted = candidates.first(where: { hasBackslashInDoubleQuotes($0) }) {
            hints.append(
                "backslash inside double quotes (\(quoted.trimmingSpaces)): in \"...\" a \\ starts an escape; "
                    + "write Windows paths in single quotes ('C:\\data\\db') or with forward slashes")
        } else if candidates.contains(where: { $0.contains("\\") }) {
            hints.append("unquoted Windows path with backslashes: put it in single quotes ('C:\\Program Files\\MongoDB\\data')")
        }
        if candidates.contains(where: missingSpaceAfterColon) {
            hints.append("a key is followed by ':' without a space (write 'port: 27017', not 'port:27017')")
        }
        return hints
    }

    private static func hasBackslashInDoubleQuotes(_ line: String) -> Bool {
        guard let open = line.firstIndex(of: "\"") else { return false }
        return line[line.index(after: open)...].contains("\\")
    }

    private static func missingSpaceAfterColon(_ line: String) -> Bool {
        let body = line.trimmingSpaces
        guard !body.hasPrefix("#"), let colon = body.firstIndex(of: ":") else { return false }
        let after = body.index(after: colon)
        guard after < body.endIndex else { return false }
        let next = body[after]
        let key = body[..<colon]
        return next != " " && next != "\\" && next != "/" && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }
}
