/// Recognises the scheme, or explains what is wrong with it.
enum SchemeParser {
    /// The scheme and the index right after `://`, or `nil` after reporting `uri.bad-scheme`.
    static func parse(_ chars: [Character], log: inout IssueLog) -> (ConnectionString.Scheme, Int)? {
        let text = String(chars)
        for scheme in [ConnectionString.Scheme.mongodb, .mongodbSRV] where text.hasPrefix(scheme.rawValue + "://") {
            return (scheme, scheme.rawValue.count + 3)
        }
        let (message, position, fixed) = diagnose(text)
        let suggestion = fixed.map(URIRedaction.redact(_:))
        log.error(URIIssueID.badScheme, message, at: position, suggestion: suggestion)
        return nil
    }

    /// What is wrong, where, and the string as it should probably be.
    private static func diagnose(_ text: String) -> (String, Int, String?) {
        let lower = OptionTable.lowercaseASCII(text)
        for scheme in ["mongodb+srv://", "mongodb://"] {
            if let range = text.firstRange(of: scheme), range.lowerBound != text.startIndex {
                return ("unexpected text before the '\(scheme)' scheme (e.g. a variable name)", 0, String(text[range.lowerBound...]))
            }
        }
        if let separator = text.firstRange(of: "://") {
            let scheme = String(text[..<separator.lowerBound])
            let rest = String(text[separator.upperBound...])
            let lowerScheme = OptionTable.lowercaseASCII(scheme)
            if lowerScheme == "mongodb" || lowerScheme == "mongodb+srv" {
                return ("the scheme '\(scheme)' must be written in lower case", 0, lowerScheme + "://" + rest)
            }
            let shown = scheme.isEmpty ? "an empty scheme" : "scheme '\(scheme)'"
            return ("\(shown) is not a MongoDB scheme: use 'mongodb://' or 'mongodb+srv://'", 0, "mongodb://" + rest)
        }
        for scheme in ["mongodb+srv:", "mongodb:"] where lower.hasPrefix(scheme) {
            let rest = String(text.dropFirst(scheme.count).drop { $0 == "/" || $0 == "\\" })
            return ("the scheme must be followed by '://'", scheme.count, String(scheme.dropLast()) + "://" + rest)
        }
        return ("the 'mongodb://' or 'mongodb+srv://' scheme is missing", 0, "mongodb://" + text)
    }
}
