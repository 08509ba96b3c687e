/// The outcome of checking one option value.
enum OptionValueResult: Sendable, Equatable {
    /// The value is usable; `note` is a deprecation or spelling warning to report.
    case valid(URIOptionValue, note: String?)
    /// The value is ignored; `reason` says what was expected (it never echoes the value).
    case invalid(reason: String)
}

/// Checks and types option values according to the option table.
enum OptionValueParser {
    private static let legacyTrue: Set<String> = ["1", "yes", "y", "t"]
    private static let legacyFalse: Set<String> = ["0", "-1", "no", "n", "f"]

    /// Parses the decoded `value` of option `spec`.
    static func parse(_ value: String, as spec: OptionSpec) -> OptionValueResult {
        if value.isEmpty, case .tagSet = spec.kind {
            return .valid(.document([:]), note: nil)
        }
        guard !value.isEmpty else { return .invalid(reason: "the value is empty") }
        switch spec.kind {
        case .bool: return parseBool(value, name: spec.canonical)
        case let .integer(range, extra): return parseInteger(value, range: range, extra: extra)
        case .string: return .valid(.string(value), note: nil)
        case let .choice(choices, caseSensitive): return parseChoice(value, choices: choices, caseSensitive: caseSensitive)
        case .compressors: return parseCompressors(value)
        case .tagSet, .keyValues: return parsePairs(value)
        case .writeConcern: return parseWriteConcern(value)
        case .serviceName: return parseServiceName(value)
        }
    }

    private static func parseBool(_ value: String, name: String) -> OptionValueResult {
        let lower = OptionTable.lowercaseASCII(value)
        if lower == "true" { return .valid(.bool(true), note: nil) }
        if lower == "false" { return .valid(.bool(false), note: nil) }
        if legacyTrue.contains(lower) {
            return .valid(.bool(true), note: "deprecated boolean value '\(value)' for '\(name)'; write \(name)=true")
        }
        if legacyFalse.contains(lower) {
            return .valid(.bool(false), note: "deprecated boolean value '\(value)' for '\(name)'; write \(name)=false")
        }
        return .invalid(reason: "expected true or false")
    }

    private static func parseInteger(_ value: String, range: ClosedRange<Int>, extra: [Int]) -> OptionValueResult {
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(value) else {
            return .invalid(reason: "expected \(describe(range, extra: extra))")
        }
        guard range.contains(number) || extra.contains(number) else {
            return .invalid(reason: "\(number) is out of range: expected \(describe(range, extra: extra))")
        }
        return .valid(.int(number), note: nil)
    }

    /// Describes an integer range in words, e.g. "a non-negative integer".
    static func describe(_ range: ClosedRange<Int>, extra: [Int]) -> String {
        let prefix = extra.map(String.init).map { "\($0) or " }.joined()
        let top = range.upperBound >= Int(Int32.max)
        switch (range.lowerBound, top) {
        case (0, true): return prefix + "a non-negative integer"
        case (1, true): return prefix + "a positive integer"
        case (let low, true): return prefix + "an integer >= \(low)"
        default: return prefix + "an integer from \(range.lowerBound) to \(range.upperBound)"
        }
    }

    private static func parseChoice(_ value: String, choices: [String], caseSensitive: Bool) -> OptionValueResult {
        if choices.contains(value) { return .valid(.string(value), note: nil) }
        let lower = OptionTable.lowercaseASCII(value)
        if let match = choices.first(where: { OptionTable.lowercaseASCII($0) == lower }) {
            if caseSensitive {
                return .invalid(reason: "the value is case-sensitive: did you mean '\(match)'?")
            }
            return .valid(.string(match), note: "'\(value)' should be written '\(match)'")
        }
        let hint = NameMatcher.closest(to: value, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
        return .invalid(reason: "expected one of \(choices.joined(separator: ", "))\(hint)")
    }

    private static func parseCompressors(_ value: String) -> OptionValueResult {
        let names = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let known = names.filter { OptionTable.compressors.contains($0) }
        let unknown = names.filter { !OptionTable.compressors.contains($0) }
        guard !known.isEmpty else {
            return .invalid(reason: "no supported compressor (supported: \(OptionTable.compressors.joined(separator: ", ")))")
        }
        let note = unknown.isEmpty ? nil
            : "unsupported compressor(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")) ignored"
        return .valid(.strings(known), note: note)
    }

    /// Parses `key:value,key:value`; the key ends at the first colon, so values may contain colons.
    private static func parsePairs(_ value: String) -> OptionValueResult {
        var pairs: [String: String] = [:]
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = item.firstIndex(of: ":"), colon != item.startIndex else {
                return .invalid(reason: "expected comma-separated key:value pairs (a value must not contain a comma)")
            }
            pairs[String(item[..<colon])] = String(item[item.index(after: colon)...])
        }
        return .valid(.document(pairs), note: nil)
    }

    private static func parseWriteConcern(_ value: String) -> OptionValueResult {
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .valid(.string(value), note: nil)
        }
        guard let number = Int(value), (0...Int(Int32.max)).contains(number) else {
            return .invalid(reason: "expected a non-negative integer or a string such as 'majority'")
        }
        return .valid(.int(number), note: nil)
    }

    /// RFC 6335 section 5.1: 1–15 letters, digits and hyphens, at least one letter,
    /// no hyphen at either end, no two hyphens in a row.
    private static func parseServiceName(_ value: String) -> OptionValueResult {
        let allowed = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let valid = (1...15).contains(value.count) && allowed && value.contains(where: \.isLetter)
            && !value.hasPrefix("-") && !value.hasSuffix("-") && !value.contains("--")
        return valid ? .valid(.string(value), note: nil)
            : .invalid(reason: "expected an SRV service name (1-15 letters, digits or hyphens, see RFC 6335)")
    }
}
