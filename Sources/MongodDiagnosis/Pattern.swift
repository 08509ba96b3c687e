import Foundation

/// A compiled regular expression with numbered and named capture groups.
///
/// Wraps `NSRegularExpression`, which is immutable and safe to share between threads.
/// `^` and `$` match at line boundaries: the text searched is message, error and attributes,
/// one per line.
struct Pattern: @unchecked Sendable {
    /// The source text of the expression.
    let source: String
    /// The names of its `(?<name>…)` groups, in order of appearance.
    let groupNames: [String]
    private let regex: NSRegularExpression

    /// Compiles `source`; throws with the engine's reason when it is not a valid expression.
    init(validating source: String) throws {
        regex = try NSRegularExpression(pattern: source, options: [.anchorsMatchLines])
        self.source = source
        groupNames = Self.names(in: source)
    }

    /// Compiles a pattern written in this module's source; a typo there is a programming error.
    init(_ source: String) {
        do {
            try self.init(validating: source)
        } catch {
            preconditionFailure("invalid built-in pattern \(source): \(error)")
        }
    }

    /// The groups of the first match (index 0 is the whole match), or `nil` when it does not match.
    func firstMatch(in text: String) -> [String?]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return nil }
        return (0..<match.numberOfRanges).map { Self.substring(text, match.range(at: $0)) }
    }

    /// The named groups of the first match (unmatched groups left out), or `nil` when it does not match.
    func namedMatch(in text: String) -> [String: String]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range) else { return nil }
        var values: [String: String] = [:]
        for name in groupNames {
            if let value = Self.substring(text, match.range(withName: name)) { values[name] = value }
        }
        return values
    }

    private static func substring(_ text: String, _ range: NSRange) -> String? {
        guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
        return String(text[bounds])
    }

    /// Finds `(?<name>` openings; escaped parentheses are not groups.
    private static func names(in source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "(?<") {
            let escaped = open.lowerBound > rest.startIndex && rest[rest.index(before: open.lowerBound)] == "\\"
            rest = rest[open.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber }
            if !escaped, !name.isEmpty, rest.dropFirst(name.count).first == ">" {
                names.append(String(name))
            }
        }
        return names
    }
}
