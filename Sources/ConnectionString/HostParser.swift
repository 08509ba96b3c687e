/// Parses the comma-separated host list: hostnames, IPv4 addresses, `[IP literals]`
/// and percent-encoded Unix socket paths, each with an optional port.
enum HostParser {
    typealias Host = ConnectionString.Host

    /// Characters that never belong in a hostname.
    private static let badHostCharacters: Set<Character> = ["#", "[", "]", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "@", "/"]

    /// Parses `chars[range]` (non-empty), checking the `mongodb+srv` rules too.
    /// When `echoPorts` is false, a broken port is not quoted in messages (it may be part of a password).
    static func parse(_ chars: [Character], _ range: Range<Int>, scheme: ConnectionString.Scheme, echoPorts: Bool, log: inout IssueLog) -> [Host] {
        var parsed: [(host: Host, entry: Range<Int>)] = []
        var entries: [Range<Int>] = []
        var perHost = HostIssues()
        var start = range.lowerBound
        while start <= range.upperBound {
            let end = chars[start..<range.upperBound].firstIndex(of: ",") ?? range.upperBound
            entries.append(start..<end)
            start = end + 1
        }
        for (number, entry) in entries.enumerated() {
            guard !entry.isEmpty else {
                log.error(URIIssueID.invalid, "host \(number + 1) of the host list is empty (stray ',')", at: entry.lowerBound)
                continue
            }
            if let host = parseEntry(chars, entry, number: number + 1, echoPorts: echoPorts, log: &log, perHost: &perHost) {
                parsed.append((host, entry))
            }
        }
        if scheme == .mongodbSRV {
            checkSRV(chars, entryCount: entries.count, parsed: parsed, log: &log, perHost: &perHost)
        }
        perHost.flush(into: &log)
        return parsed.map(\.host)
    }

    private static func checkSRV(_ chars: [Character], entryCount: Int, parsed: [(host: Host, entry: Range<Int>)],
                                 log: inout IssueLog, perHost: inout HostIssues) {
        if entryCount > 1, let first = parsed.first {
            log.error(
                URIIssueID.srvMultipleHosts,
                "mongodb+srv:// takes exactly one DNS name, but \(entryCount) hosts are given; list the hosts with mongodb:// instead",
                at: first.entry.upperBound
            )
        }
        for (host, entry) in parsed {
            if host.port != nil, let colon = chars[entry].lastIndex(of: ":") {
                perHost.add(URIIssueID.srvPort, host: host.host, at: colon) {
                    "mongodb+srv:// \($0) must not have a port (the port comes from the SRV record)"
                }
            }
            if host.type != .hostname {
                let kind = host.type == .unix ? "a Unix socket" : "an IP address"
                perHost.add(URIIssueID.invalid, host: host.host, at: entry.lowerBound) {
                    "mongodb+srv:// needs a DNS name, not \(kind) (\($0))"
                }
            }
        }
    }

    private static func parseEntry(_ chars: [Character], _ entry: Range<Int>, number: Int, echoPorts: Bool,
                                   log: inout IssueLog, perHost: inout HostIssues) -> Host? {
        if chars[entry.lowerBound] == "[" {
            return parseLiteral(chars, entry, echoPorts: echoPorts, log: &log, perHost: &perHost)
        }
        let colon = chars[entry].firstIndex(of: ":")
        let nameRange = entry.lowerBound..<(colon ?? entry.upperBound)
        let name: String
        switch PercentCoding.decode(chars, nameRange) {
        case let .success(decoded): name = decoded
        case let .failure(failure):
            log.error(URIIssueID.badEscape, "invalid percent-escape in host \(number): \(failure.reason)", at: failure.index)
            return nil
        }
        guard !name.isEmpty else {
            log.error(URIIssueID.invalid, "host \(number) has a port but no host name", at: entry.lowerBound)
            return nil
        }
        if name.contains("/") {
            guard name.hasSuffix(".sock") else {
                log.error(URIIssueID.invalid, "Unix socket path '\(name)' must end in '.sock'", at: entry.lowerBound)
                return nil
            }
            if let colon {
                log.error(URIIssueID.invalid, "Unix socket '\(name)' cannot have a port", at: colon)
                return nil
            }
            return Host(type: .unix, host: name, port: nil)
        }
        if let bad = name.first(where: { badHostCharacters.contains($0) || $0.isWhitespace }) {
            let shown = bad.isWhitespace ? "whitespace" : "'\(bad)'"
            perHost.add(URIIssueID.invalid, host: name, at: entry.lowerBound) { "\($0) contains \(shown), which is not allowed in a host name" }
            return nil
        }
        let port = colon.map { parsePort(chars, ($0 + 1)..<entry.upperBound, host: name, echo: echoPorts, perHost: &perHost) }
        if port == .some(nil) { return nil }
        return Host(type: isIPv4(name) ? .ipv4 : .hostname, host: name, port: port ?? nil)
    }

    private static func parseLiteral(_ chars: [Character], _ entry: Range<Int>, echoPorts: Bool,
                                     log: inout IssueLog, perHost: inout HostIssues) -> Host? {
        guard let close = chars[entry].firstIndex(of: "]") else {
            log.error(URIIssueID.invalid, "IP literal starting with '[' has no closing ']'", at: entry.lowerBound)
            return nil
        }
        let literal = String(chars[(entry.lowerBound + 1)..<close])
        let allowed = literal.allSatisfy { $0.isHexDigit && $0.isASCII || $0 == ":" || $0 == "." || $0 == "%" || ($0.isASCII && $0.isLetter) }
        guard literal.contains(":"), allowed else {
            log.error(URIIssueID.invalid, "'[\(literal)]' is not an IPv6 literal", at: entry.lowerBound)
            return nil
        }
        let after = close + 1
        if after == entry.upperBound {
            return Host(type: .ipLiteral, host: literal, port: nil)
        }
        guard chars[after] == ":" else {
            log.error(URIIssueID.invalid, "unexpected text after ']' of IP literal '[\(literal)]': expected ':port'", at: after)
            return nil
        }
        guard let port = parsePort(chars, (after + 1)..<entry.upperBound, host: "[\(literal)]", echo: echoPorts, perHost: &perHost) else { return nil }
        return Host(type: .ipLiteral, host: literal, port: port)
    }

    /// Parses a port (1–65535); reports `uri.bad-port` and returns `nil` otherwise.
    private static func parsePort(_ chars: [Character], _ range: Range<Int>, host: String, echo: Bool, perHost: inout HostIssues) -> Int? {
        let text = String(chars[range])
        guard !text.isEmpty else {
            perHost.add(URIIssueID.badPort, host: host, at: range.lowerBound) { "':' is not followed by a port number on \($0)" }
            return nil
        }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let reason = text.hasPrefix("-") ? "is negative" : "is not a number"
            let shown = echo ? "port '\(text)'" : "the port"
            let hint = echo ? "" : " (if this is a password, percent-encode its '/', '?', '@' and ':')"
            perHost.add(URIIssueID.badPort, host: host, at: range.lowerBound) { "\(shown) of \($0) \(reason): expected 1-65535\(hint)" }
            return nil
        }
        guard text.count <= 5, let port = Int(text), (1...65535).contains(port) else {
            perHost.add(URIIssueID.badPort, host: host, at: range.lowerBound) { "port \(text) of \($0) is out of range: expected 1-65535" }
            return nil
        }
        return port
    }

    /// A dotted quad of decimal numbers 0–255 (`256.0.0.1` is a hostname).
    static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }
}
