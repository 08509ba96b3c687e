/// Tells, from its bytes alone, that a JSON log line cannot matter to the analysis, so it is
/// counted without being parsed: severity `I` or `D`, an id nobody looks at, no stated exit
/// code, no startup text. A long-running server writes millions of such lines.
struct RoutineLineFilter: Sendable {
    /// Ids the analysis keeps at any severity: the catalog's `logIds`, startup facts, exit codes.
    let keptIDs: Set<Int>
    /// `keptIDs` and the running ids: lines with these ids are parsed.
    let interestingIDs: Set<Int>
    /// Ids that show the server running; routine once one was seen in the startup.
    static let runningIDs: Set<Int> = [23016, 22943, 51803]
    /// Ids `StartupFacts` reads, the startup markers, and terminating lines.
    static let baseIDs: Set<Int> = [4_615_611, 20698, 21951, 23403, 51765, 23138, 20626]

    init(catalog: DiagnosticCatalog) {
        let watched = catalog.entries.filter { $0.match.contains(where: \.looksAtLines) }
            .flatMap { $0.match.flatMap(\.logIds) }
        keptIDs = Self.baseIDs.union(watched).union(MongodExitCodes.terminatingIDs)
        interestingIDs = keptIDs.union(Self.runningIDs)
    }

    /// Whether `line` is a routine JSON line; `runningSeen` makes the running ids routine too.
    func isRoutine(_ line: ArraySlice<UInt8>, runningSeen: Bool) -> Bool {
        guard line.starts(with: Self.prefix) else { return false }
        guard let severity = Self.value(after: Self.severityKey, in: line, limit: 120)?.first,
            severity == UInt8(ascii: "I") || severity == UInt8(ascii: "D")
        else { return false }
        guard let digits = Self.value(after: Self.idKey, in: line, limit: 200),
            let id = Int(String(decoding: digits.prefix { $0 >= 48 && $0 <= 57 }, as: UTF8.self))
        else { return false }
        if interestingIDs.contains(id) && !(runningSeen && Self.runningIDs.contains(id)) { return false }
        return !Self.contains(line, Self.exitCodeKey) && !Self.contains(line, Self.starting)
            && !Self.contains(line, Self.restarted)
    }

    private static let prefix = Array(#"{"t":"#.utf8)
    private static let severityKey = Array(#""s":""#.utf8)
    private static let idKey = Array(#""id":"#.utf8)
    private static let exitCodeKey = Array(#""exitCode""#.utf8)
    private static let starting = Array("MongoDB starting".utf8)
    private static let restarted = Array("SERVER RESTARTED".utf8)

    /// The bytes after the first `key` within the first `limit` bytes of `line`.
    private static func value(after key: [UInt8], in line: ArraySlice<UInt8>, limit: Int) -> ArraySlice<UInt8>? {
        let head = line.prefix(limit)
        guard let found = range(of: key, in: head) else { return nil }
        return line[found.upperBound...]
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        range(of: needle, in: line) != nil
    }

    private static func range(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while index <= last {
            guard let hit = bytes[index...last].firstIndex(of: first) else { return nil }
            if bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit..<(hit + needle.count) }
            index = hit + 1
        }
        return nil
    }
}
