/// Quotes around the parts of a connection string (`mongodb://"db1.example.com":27017/"app"`), and
/// stray quotes next to them (`?appName=shop"`), as pasted from YAML, JSON or a `.env` line.
///
/// Only the host names, the database and the values of non-secret options are looked at: quotes in
/// the user information or a secret value may be part of the secret, and are left alone.
enum QuotedParts {
    static let quotes: Set<Character> = ["\"", "'", "`"]

    /// What is wrong where, and the indices to drop.
    struct Finding {
        /// Offsets (into the scanned characters) of every quote to remove.
        var removed: Set<Int> = []
        /// Issues without a suggestion (the caller adds the cleaned string).
        var issues: [URIIssue] = []
    }

    /// Scans `chars[range]`, which starts with a MongoDB scheme (otherwise nothing is found).
    static func scan(_ chars: [Character], _ range: Range<Int>) -> Finding {
        let text = String(chars[range])
        guard let scheme = ["mongodb+srv://", "mongodb://"].first(where: text.hasPrefix) else { return Finding() }
        let start = range.lowerBound + scheme.count
        let authorityEnd = chars[start..<range.upperBound].firstIndex { $0 == "/" || $0 == "?" } ?? range.upperBound
        let hostStart = chars[start..<authorityEnd].lastIndex(of: "@").map { $0 + 1 } ?? start
        var parts: [(range: Range<Int>, name: String)] = []
        var entryStart = hostStart
        var number = 1
        while entryStart <= authorityEnd {
            let end = chars[entryStart..<authorityEnd].firstIndex(of: ",") ?? authorityEnd
            parts.append((hostName(chars, entryStart..<end), "host \(number)"))
            number += 1
            entryStart = end + 1
        }
        var queryStart: Int?
        if authorityEnd < range.upperBound {
            if chars[authorityEnd] == "/" {
                let question = chars[authorityEnd..<range.upperBound].firstIndex(of: "?")
                parts.append(((authorityEnd + 1)..<(question ?? range.upperBound), "the database name"))
                queryStart = question.map { $0 + 1 }
            } else {
                queryStart = authorityEnd + 1
            }
        }
        if let queryStart { parts += optionValues(chars, queryStart..<range.upperBound) }
        return judge(chars, parts)
    }

    /// The host name of one host-list entry: without a trailing `:port`.
    private static func hostName(_ chars: [Character], _ entry: Range<Int>) -> Range<Int> {
        guard let colon = chars[entry].lastIndex(of: ":"), chars[(colon + 1)..<entry.upperBound].allSatisfy(\.isNumber) else { return entry }
        return entry.lowerBound..<colon
    }

    /// The value ranges of the known, non-secret options, named `option 'canonicalName'`.
    private static func optionValues(_ chars: [Character], _ range: Range<Int>) -> [(range: Range<Int>, name: String)] {
        var parts: [(range: Range<Int>, name: String)] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = chars[start..<range.upperBound].firstIndex { $0 == "&" || $0 == ";" } ?? range.upperBound
            if let equals = chars[start..<end].firstIndex(of: "=") {
                // Only known options: an unknown "key" may be the tail of a password with an unescaped '?'.
                if let spec = OptionTable.lookup(PercentCoding.lenientDecode(chars, start..<equals)), !spec.isSecret {
                    parts.append(((equals + 1)..<end, "option '\(spec.canonical)'"))
                }
            }
            start = end + 1
        }
        return parts
    }

    private static func judge(_ chars: [Character], _ parts: [(range: Range<Int>, name: String)]) -> Finding {
        var finding = Finding()
        var wrapped: [(name: String, at: Int)] = []
        for (range, name) in parts where !range.isEmpty {
            let first = chars[range.lowerBound]
            let last = chars[range.upperBound - 1]
            if range.count >= 2, quotes.contains(first), last == first {
                finding.removed.formUnion([range.lowerBound, range.upperBound - 1])
                wrapped.append((name, range.lowerBound))
            } else if quotes.contains(last) {
                finding.removed.insert(range.upperBound - 1)
                finding.issues.append(stray(last, after: name, at: range.upperBound - 1))
            } else if quotes.contains(first) {
                finding.removed.insert(range.lowerBound)
                finding.issues.append(URIIssue(
                    id: URIIssueID.quoted, message: "a stray \(first) quote before \(describe(name)) spoils it; drivers take it literally",
                    position: range.lowerBound))
            }
        }
        if let first = wrapped.first {
            let names = wrapped.map { describe($0.name) }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            finding.issues.append(URIIssue(
                id: URIIssueID.quoted,
                message: "\(list) \(names.count == 1 ? "is" : "are") wrapped in quotes; drivers take them literally",
                position: first.at))
        }
        return finding
    }

    private static func stray(_ quote: Character, after name: String, at position: Int) -> URIIssue {
        let what = name.hasPrefix("option") ? "the value of \(name)" : describe(name)
        return URIIssue(id: URIIssueID.quoted, message: "a stray \(quote) quote after \(what) spoils it; drivers take it literally",
                        position: position)
    }

    /// `the name of host 1`, `the database name`, `option 'x'`.
    private static func describe(_ name: String) -> String {
        name.hasPrefix("host") ? "the name of \(name)" : name
    }
}
