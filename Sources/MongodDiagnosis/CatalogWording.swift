public import DoctorCore

/// Gives findings that code made the catalog's wording: the code decides *that* a finding applies
/// (its id, severity, evidence, values and automatic actions), the catalog says *what it means*
/// (title, explanation, fixes), so `--catalog DIR` rewords any of them.
///
/// A finding is reworded only when the code supplied every value the entry's templates name (only
/// `{user}` and `{serviceUser}` may come from the platform's defaults, which are shell text such as
/// `$USER`); otherwise the code's own words stay, so no placeholder, and no default path that may not
/// be this machine's, ever reaches a user. Automatic fixes keep their actions: a catalog fix with the same id takes over the
/// action (and shows the code's commands, which say what the action does), and an automatic fix the catalog does not
/// list is kept.
public struct CatalogWording: Sendable {
    /// The catalog.
    public var catalog: DiagnosticCatalog
    /// The platform whose fixes to use.
    public var platform: Platform

    /// Creates the rewording for `platform`.
    public init(catalog: DiagnosticCatalog, platform: Platform) {
        self.catalog = catalog
        self.platform = platform
    }

    /// Every finding of `results` reworded.
    public func apply(to results: [CheckResult]) -> [CheckResult] {
        results.map { result in
            var result = result
            result.findings = result.findings.map(apply(to:))
            return result
        }
    }

    /// `finding` in the catalog's words, when the catalog has an entry it can fill.
    public func apply(to finding: Finding) -> Finding {
        guard let entry = catalog.entry(id: finding.id), canFill(entry, from: finding.values) else { return finding }
        guard let worded = catalog.finding(finding.id, platform: platform, values: finding.values) else { return finding }
        var result = finding
        result.title = worded.title
        if !worded.detail.isEmpty { result.detail = worded.detail }
        if !worded.fixes.isEmpty { result.fixes = Self.merge(catalog: worded.fixes, code: finding.fixes) }
        return result
    }

    /// Whether the catalog has an entry for `finding` and `finding.values` fill all of its texts for
    /// this platform, so `apply(to:)` gives it the catalog's words.
    public func isFillable(_ finding: Finding) -> Bool {
        catalog.entry(id: finding.id).map { canFill($0, from: finding.values) } ?? false
    }

    /// Placeholders whose platform default is right whatever the finding (`$USER`, `%USERNAME%`).
    static let alwaysKnown: Set<String> = ["user", "serviceUser"]

    /// Whether every placeholder of the entry's texts for this platform has a value.
    func canFill(_ entry: DiagnosticEntry, from values: [String: String]) -> Bool {
        let templates = [entry.title, entry.explanation]
            + (entry.fixes[platform] ?? []).flatMap { [$0.summary] + $0.commands }
        let known = Self.alwaysKnown.union(values.keys)
        return templates.allSatisfy { Placeholders.names(in: $0).allSatisfy(known.contains) }
    }

    /// The catalog's fixes, each taking over the code's action of the same id (with the code's
    /// commands, which are what the action runs); the code's fixes the catalog does not list come after.
    static func merge(catalog: [Fix], code: [Fix]) -> [Fix] {
        var merged = catalog.map { fix in
            var fix = fix
            if let own = code.first(where: { $0.id == fix.id }) {
                fix.action = own.action
                fix.applied = own.applied
                if fix.commands.isEmpty || own.isAutomatic { fix.commands = own.commands }
            }
            return fix
        }
        let listed = Set(catalog.map(\.id))
        merged += code.filter { !listed.contains($0.id) }
        return merged
    }
}
