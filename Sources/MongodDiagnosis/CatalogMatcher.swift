import DoctorCore

/// One catalog entry that matched the startup: the lines and the placeholder values.
struct EntryHit: Sendable {
    /// The entry.
    var entry: DiagnosticEntry
    /// Matching lines, first first.
    var events: [MongodLogEvent]
    /// Named groups and attributes of the first matching line.
    var values: [String: String]
}

/// Runs every catalog rule over the events of one startup.
struct CatalogMatcher: Sendable {
    let catalog: DiagnosticCatalog
    let matcher: RuleMatcher
    /// Where the exit code came from, for rules that look only at the exit code.
    let exitEvent: MongodLogEvent?

    /// Hits in order of their first line; suppressed entries are left out.
    func hits(in events: ArraySlice<MongodLogEvent>) -> [EntryHit] {
        let lineEntries = catalog.entries.filter { $0.match.contains(where: \.looksAtLines) }
        let watchedIDs = Set(lineEntries.flatMap { $0.match.flatMap(\.logIds) })
        let hasFreeText = lineEntries.contains { $0.match.contains { $0.looksAtLines && $0.logIds.isEmpty } }
        var hits: [EntryHit] = []
        var indexByID: [FindingID: Int] = [:]
        for event in events {
            let watched = event.id.map(watchedIDs.contains) ?? false
            let freeText = hasFreeText && (event.format != .json || event.severity >= .warning || event.error != nil)
            guard watched || freeText else { continue }
            let subject = MatchSubject(event)
            for entry in lineEntries {
                guard let groups = entry.match.lazy.compactMap({ matcher.match($0, subject) }).first else { continue }
                if let index = indexByID[entry.id] {
                    hits[index].events.append(event)
                } else {
                    indexByID[entry.id] = hits.count
                    hits.append(EntryHit(entry: entry, events: [event], values: Self.values(of: event).merging(groups) { $1 }))
                }
            }
        }
        hits += exitCodeHits(excluding: Set(indexByID.keys))
        let matched = Set(hits.map(\.entry.id))
        var kept = hits.filter { hit in !hit.entry.suppressedBy.contains(where: matched.contains) }
        // A fallback entry speaks only when nothing else explains the failure: no other error
        // entry matched, and no log line reports an error the catalog does not know.
        let explained = kept.contains { !$0.entry.isFallback && $0.entry.severity == .error }
        let matchedLines = Set(kept.filter { !$0.entry.isFallback }.flatMap { $0.events.map(\.lineNumber) })
        let unknownError = events.contains { event in
            event.format != .stderr && event.severity >= .error && !matchedLines.contains(event.lineNumber)
        }
        if explained || unknownError { kept.removeAll { $0.entry.isFallback } }
        return kept
    }

    /// Entries whose rules look only at the exit code and platform (`exitCodes: [48]`).
    private func exitCodeHits(excluding ids: Set<FindingID>) -> [EntryHit] {
        guard let exitEvent else { return [] }
        return catalog.entries.compactMap { entry in
            guard !ids.contains(entry.id),
                entry.match.contains(where: { !$0.looksAtLines && !$0.exitCodes.isEmpty && matcher.holdsForStartup($0) })
            else { return nil }
            return EntryHit(entry: entry, events: [exitEvent], values: [:])
        }
    }

    /// The top-level scalar attributes of a line, as placeholder values (`path`, `lockFile`).
    static func values(of event: MongodLogEvent) -> [String: String] {
        event.attributes.compactMapValues(\.scalarText)
    }
}
