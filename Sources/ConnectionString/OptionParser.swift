import Redaction

/// The options of a connection string after parsing, with what the cross-option rules need.
struct ParsedOptions: Sendable {
    /// Valid values by canonical name.
    var values: [String: URIOptionValue] = [:]
    /// Canonical names that appeared at all (even with an invalid value).
    var present: Set<String> = []
    /// Offset of the first key of each canonical option.
    var positions: [String: Int] = [:]
    /// Character ranges of secret option values, masked by ``ConnectionString/redacted``.
    var secretRanges: [Range<Int>] = []
    /// `key=value` pairs the spec ignores (an invalid value, a deprecated alias given with its
    /// canonical name): dropping them keeps the meaning.
    var ignoredPairs: [Range<Int>] = []
    /// Offsets of the legacy `;` separators read between options.
    var legacySeparators: [Int] = []
}

/// Splits the query part into key/value pairs and applies the option table.
struct OptionParser {
    /// One `key=value` occurrence.
    private struct Occurrence {
        var key: String
        var value: String
        var keyPosition: Int
        var valuePosition: Int
        var end: Int
        var alias: OptionAlias?
    }

    private let chars: [Character]
    private var groups: [(spec: OptionSpec, occurrences: [Occurrence])] = []
    /// The secret option read just before the current pair (an unescaped '&' in its value splits it).
    private var previousSecret: String?
    private var result = ParsedOptions()

    /// Parses `chars[range]` (the text after `?`), reporting problems to `log`.
    static func parse(_ chars: [Character], _ range: Range<Int>, log: inout IssueLog) -> ParsedOptions {
        var parser = OptionParser(chars: chars)
        parser.split(range, log: &log)
        parser.apply(log: &log)
        return parser.result
    }

    private init(chars: [Character]) {
        self.chars = chars
    }

    private mutating func split(_ range: Range<Int>, log: inout IssueLog) {
        var start = range.lowerBound
        while start <= range.upperBound {
            let end = chars[start..<range.upperBound].firstIndex(of: "&") ?? range.upperBound
            for pair in splitLegacy(start..<end) where !pair.isEmpty { readPair(pair, log: &log) }
            start = end + 1
        }
        if let first = result.legacySeparators.first {
            log.note(
                URIIssueID.deprecatedOption,
                "';' between options is a legacy separator (read here, but not by every driver): use '&'",
                at: first
            )
        }
    }

    /// Splits `chars[range]` at each legacy `;` that is followed by a known option and `=`; any
    /// other `;` stays part of the value (`appName=a;b`).
    private mutating func splitLegacy(_ range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if chars[index] == ";" {
                let next = chars[(index + 1)..<range.upperBound].firstIndex(of: ";") ?? range.upperBound
                if let equals = chars[(index + 1)..<next].firstIndex(of: "="),
                   OptionTable.lookup(PercentCoding.lenientDecode(chars, (index + 1)..<equals)) != nil {
                    pieces.append(start..<index)
                    result.legacySeparators.append(index)
                    start = index + 1
                }
            }
            index += 1
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    private mutating func readPair(_ range: Range<Int>, log: inout IssueLog) {
        let rawPair = String(chars[range])
        let afterSecret = previousSecret
        previousSecret = nil
        let pairKey = chars[range].firstIndex(of: "=").map { PercentCoding.lenientDecode(chars, range.lowerBound..<$0) }
        if let secret = afterSecret, pairKey.flatMap({ OptionTable.lookup($0) }) == nil {
            // Never quote it: this text is most likely the rest of the secret value.
            log.error(
                URIIssueID.unescapedChar,
                "the value of \(secret) seems to contain an unescaped '&': percent-encode it as %26",
                at: range.lowerBound
            )
            result.secretRanges.append(range)  // masked in `redacted` like the value it belongs to
            previousSecret = secret
            return
        }
        guard let equals = chars[range].firstIndex(of: "=") else {
            log.error(
                URIIssueID.invalid,
                "option '\(rawPair)' has no value: write '\(rawPair)=<value>' (and percent-encode '&' and '=' in values)",
                at: range.lowerBound
            )
            return
        }
        let key = PercentCoding.lenientDecode(chars, range.lowerBound..<equals)
        guard !key.isEmpty else {
            log.error(URIIssueID.invalid, "an option has an empty name before '='", at: range.lowerBound)
            return
        }
        guard let spec = OptionTable.lookup(key) else {
            defer { previousSecret = nil }
            let hint = NameMatcher.closestOption(to: key).map { "did you mean '\($0)'?" }
            // A name holding '@' is most likely the tail of a password with an unescaped '?' or '&'.
            let shown = key.contains("@") ? "an unknown option whose name contains '@'" : "unknown option '\(key)'"
            let message = "\(shown) is ignored" + (hint.map { " (\($0))" } ?? "")
            log.warning(URIIssueID.unknownOption, message, at: range.lowerBound, suggestion: hint)
            return
        }
        let valueRange = (equals + 1)..<range.upperBound
        let value: String
        switch PercentCoding.decode(chars, valueRange) {
        case let .success(decoded): value = decoded
        case let .failure(failure):
            log.error(URIIssueID.badEscape, "invalid percent-escape in the value of option '\(key)': \(failure.reason)", at: failure.index)
            return
        }
        if spec.isSecret, !valueRange.isEmpty { result.secretRanges.append(valueRange) }
        if spec.isSecret { previousSecret = spec.canonical }
        if spec.canonical == "authMechanismProperties" { result.secretRanges += Self.sessionTokenRanges(chars, valueRange) }
        let occurrence = Occurrence(key: key, value: value, keyPosition: range.lowerBound, valuePosition: equals + 1, end: range.upperBound, alias: OptionTable.alias(key))
        if let index = groups.firstIndex(where: { $0.spec.canonical == spec.canonical }) {
            groups[index].occurrences.append(occurrence)
        } else {
            groups.append((spec, [occurrence]))
        }
    }

    private mutating func apply(log: inout IssueLog) {
        for (spec, all) in groups {
            let name = spec.canonical
            result.present.insert(name)
            result.positions[name] = all.first?.keyPosition
            if name.hasPrefix("proxy"), all.count > 1 {
                log.error(
                    URIIssueID.invalid,
                    "option '\(name)' is given \(all.count) times; proxy options may appear only once",
                    at: all[1].keyPosition
                )
                continue
            }
            let occurrences = dropDeprecated(all, spec: spec, log: &log)
            var valid: [(value: URIOptionValue, occurrence: Occurrence)] = []
            for occurrence in occurrences {
                switch OptionValueParser.parse(occurrence.value, as: spec) {
                case let .valid(value, note):
                    valid.append((value, occurrence))
                    if let note { log.warning(URIIssueID.invalidOptionValue, note, at: occurrence.valuePosition) }
                case let .invalid(reason):
                    result.ignoredPairs.append(occurrence.keyPosition..<occurrence.end)
                    let shown = spec.isSecret || occurrence.value.isEmpty ? "" : " '\(occurrence.value)'"
                    log.warning(
                        URIIssueID.invalidOptionValue,
                        "value\(shown) of option '\(occurrence.key)' is ignored: \(reason)",
                        at: occurrence.valuePosition
                    )
                }
            }
            store(valid, spec: spec, total: occurrences.count, log: &log)
        }
    }

    /// Drops deprecated aliases when the canonical name is also given; warns about each deprecated alias.
    private mutating func dropDeprecated(_ all: [Occurrence], spec: OptionSpec, log: inout IssueLog) -> [Occurrence] {
        let current = all.filter { $0.alias?.deprecated != true }
        var ignored: [Range<Int>] = []
        defer { result.ignoredPairs += ignored }
        for old in all where old.alias?.deprecated == true {
            if current.isEmpty {
                log.warning(
                    URIIssueID.deprecatedOption,
                    "option '\(old.key)' is deprecated; use '\(spec.canonical)'",
                    at: old.keyPosition, suggestion: "\(spec.canonical)=\(spec.isSecret ? SecretMask.text : old.value)"
                )
            } else {
                ignored.append(old.keyPosition..<old.end)
                log.warning(
                    URIIssueID.deprecatedOption,
                    "deprecated option '\(old.key)' is ignored because '\(spec.canonical)' is also given",
                    at: old.keyPosition
                )
            }
        }
        return current.isEmpty ? all : current
    }

    private mutating func store(_ valid: [(value: URIOptionValue, occurrence: Occurrence)], spec: OptionSpec, total: Int, log: inout IssueLog) {
        let name = spec.canonical
        if case .tagSet = spec.kind {
            let sets = valid.compactMap { item -> [String: String]? in
                if case let .document(tags) = item.value { return tags }
                return nil
            }
            if !sets.isEmpty { result.values[name] = .tags(sets) }
            return
        }
        guard let last = valid.last else { return }
        if name == "tls" {
            if let first = valid.first, let differing = valid.first(where: { $0.value != first.value }) {
                log.error(
                    URIIssueID.conflictingOptions,
                    "'\(first.occurrence.key)=\(first.occurrence.value)' conflicts with '\(differing.occurrence.key)=\(differing.occurrence.value)'; tls and ssl must agree",
                    at: differing.occurrence.keyPosition
                )
                return
            }
        } else if total > 1 {
            log.warning(
                URIIssueID.duplicateOption,
                "option '\(name)' is given \(total) times; drivers differ in which value wins (the last is kept here)",
                at: last.occurrence.keyPosition
            )
        }
        result.values[name] = last.value
    }

    /// The ranges of `AWS_SESSION_TOKEN:<token>` values inside an `authMechanismProperties` value.
    static func sessionTokenRanges(_ chars: [Character], _ value: Range<Int>) -> [Range<Int>] {
        let marker = Array("AWS_SESSION_TOKEN:")
        var ranges: [Range<Int>] = []
        var index = value.lowerBound
        while index + marker.count <= value.upperBound {
            if Array(chars[index..<(index + marker.count)]) == marker {
                let start = index + marker.count
                let end = chars[start..<value.upperBound].firstIndex(of: ",") ?? value.upperBound
                if start < end { ranges.append(start..<end) }
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }
}
