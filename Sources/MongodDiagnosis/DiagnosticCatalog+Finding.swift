public import DoctorCore

extension DiagnosticCatalog {
    /// The finding `id` worded as the catalog says, for `platform`: title, explanation and fixes with
    /// `values` filled in (the platform's defaults for the rest), or `nil` when no entry has that id.
    ///
    /// This is how code that decides *that* a finding applies gets *what it means* from the catalog,
    /// so that `--catalog DIR` can reword it.
    public func finding(
        _ id: FindingID, platform: Platform, values: [String: String] = [:], evidence: [String] = []
    ) -> Finding? {
        guard let entry = entry(id: id) else { return nil }
        var finding = FindingBuilder(base: Placeholders(platform: platform), source: "").finding(entry, events: [], values: values)
        finding.evidence = evidence
        return finding
    }

    /// The entries that say mongod stops with `exitCode`, in catalog order.
    public func entries(exitingWith exitCode: Int) -> [DiagnosticEntry] {
        entries.filter { $0.exitCode == exitCode }
    }
}

extension DiagnosticCatalog {
    /// The finding `id` as a description of the problem in general, for `explain`: each value a
    /// particular case would supply stands as "…" ("Nothing is listening on …"), and a command that
    /// needs such a value is left out (the platform's defaults still fill `{user}` and the usual paths).
    public func genericFinding(_ id: FindingID, platform: Platform) -> Finding? {
        guard let entry = entry(id: id) else { return nil }
        let texts = [entry.title, entry.explanation] + (entry.fixes[platform] ?? []).map(\.summary)
        var unknown: [String: String] = [:]
        for name in texts.flatMap(Placeholders.names(in:)) where !Self.proseDefaults.contains(name) {
            unknown[name] = "…"
        }
        guard var worded = finding(id, platform: platform, values: unknown),
              let plain = finding(id, platform: platform) else { return nil }
        for index in worded.fixes.indices where index < plain.fixes.count {
            worded.fixes[index].commands = plain.fixes[index].commands
        }
        // A title that is all values (the `uri.*` ones are the parser's sentence) says nothing in
        // general: the explanation's first sentence stands in for it.
        if !worded.title.contains(where: \.isLetter), let sentence = worded.detail.split(separator: ".", maxSplits: 1).first {
            worded.title = String(sentence)
        }
        return worded
    }

    /// Names whose platform default reads right in a general description (`$USER`, the usual paths).
    static let proseDefaults: Set<String> = ["user", "serviceUser", "config", "logpath", "logdir", "socket"]
}
