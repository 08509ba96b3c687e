public import DoctorCore

/// Gives findings that code made the catalog's wording: the code decides *that* a finding applies
/// (its id, severity, evidence, values and automatic actions), the catalog says *what it means*
/// (title, explanation, fixes), so `--catalog DIR` rewords any of them.
///
/// A finding is reworded only when the code supplied every value the entry's templates name (only
/// `{user}` and `{serviceUser}` may come from the platform's defaults, which are shell text such as
/// `$USER`); otherwise the code's own words stay, so no placeholder, and no default path that may not
/// be this machine's, ever reaches a user. Automatic fixes keep their actions: a catalog fix with the same id takes over the
/// action (and, for an automatic fix, shows the code's commands: they say what the action does), and a
/// fix the code found that the catalog does not list is kept after the catalog's.
///
/// Which fixes apply is the code's decision too: when the code offered fixes the catalog lists, the
/// catalog's fixes are those with the ids it offered (a `tcp.refused` on a remote host offers no
/// "start mongod"). When the code offered fixes, each fix shown must be fillable; when it offered none,
/// a catalog fix it did not supply the values for is left out (a lint issue without a suggestion has
/// no rewrite fix).
public struct CatalogWording: Sendable {
    /// The catalog.
    public var catalog: DiagnosticCatalog
    /// The platform whose fixes to use.
    public var platform: Platform
    /// How the reader writes elevated commands: the catalog's are written with `sudo`, which `.root` drops.
    public var elevation: CommandElevation

    /// Creates the rewording for `platform`, for a reader with `elevation`.
    public init(catalog: DiagnosticCatalog, platform: Platform, elevation: CommandElevation = .sudo) {
        self.catalog = catalog
        self.platform = platform
        self.elevation = elevation
    }

    /// Every finding of `results` reworded.
    public func apply(to results: [CheckResult]) -> [CheckResult] {
        results.map { result in
            var result = result
            result.findings = result.findings.map(apply(to:))
            return result
        }
    }

    /// `finding` in the catalog's words, when the catalog has an entry it can fill, with every fix
    /// command written for this reader: the code's own commands too (a finding the catalog does not
    /// word, or a fix only the code found), so no `sudo` reaches a root reader whoever wrote the command.
    public func apply(to finding: Finding) -> Finding {
        var result = reworded(finding)
        result.fixes = result.fixes.map { fix in
            var fix = fix
            fix.commands = fix.commands.map { elevation.rewrite($0, platform: platform) }
            return fix
        }
        return result
    }

    /// `finding` in the catalog's words, when the catalog has an entry it can fill; commands as written.
    func reworded(_ finding: Finding) -> Finding {
        guard let entry = catalog.entry(id: finding.id), let templates = fixTemplates(entry, for: finding) else { return finding }
        var shown = entry
        shown.fixes[platform] = templates
        guard let worded = DiagnosticCatalog(entries: [shown]).finding(finding.id, platform: platform, values: finding.values) else {
            return finding
        }
        var result = finding
        result.title = worded.title
        if !worded.detail.isEmpty { result.detail = worded.detail }
        if !worded.fixes.isEmpty { result.fixes = Self.merge(catalog: worded.fixes, code: finding.fixes) }
        return result
    }

    /// Whether `finding` would take the catalog's words: the catalog has its id and the code supplied
    /// every value the title, the explanation and the fixes shown name.
    public func isFillable(_ finding: Finding) -> Bool {
        guard let entry = catalog.entry(id: finding.id) else { return false }
        return fixTemplates(entry, for: finding) != nil
    }

    /// Placeholders whose platform default is right whatever the finding (`$USER`, `%USERNAME%`).
    static let alwaysKnown: Set<String> = ["user", "serviceUser"]

    /// The catalog fixes to show for `finding` (see the type's comment), or `nil` when the title, the
    /// explanation or a fix the code offered names a value the code did not supply.
    func fixTemplates(_ entry: DiagnosticEntry, for finding: Finding) -> [FixTemplate]? {
        let known = Self.alwaysKnown.union(finding.values.keys)
        let fills = { (text: String) in Placeholders.names(in: text).allSatisfy(known.contains) }
        guard fills(entry.title), fills(entry.explanation) else { return nil }
        let all = entry.fixes[platform] ?? []
        let offered = Set(finding.fixes.map(\.id))
        let chosen = all.contains { offered.contains($0.id) } ? all.filter { offered.contains($0.id) } : all
        var shown: [FixTemplate] = []
        for template in chosen {
            if ([template.summary] + template.commands).allSatisfy(fills) {
                shown.append(template)
            } else if !offered.isEmpty {
                return nil  // the code's own fixes would be replaced by words it cannot fill
            }
        }
        return shown
    }

    /// The catalog's fixes, each taking over the code's action of the same id (with the code's
    /// commands for an automatic fix, which are what its action runs); the code's fixes the catalog
    /// does not list (killing a named pid, a repair) come after them.
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
