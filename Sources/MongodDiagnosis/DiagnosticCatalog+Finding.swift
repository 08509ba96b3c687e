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
