import DoctorCore
import MongodDiagnosis
import Testing

/// Code decides that a finding applies; the catalog says what it means.
@Suite struct CatalogWordingTests {
    static let entry = DiagnosticEntry(
        id: "tcp.refused", severity: .error, title: "Nothing listens on {host}:{port}",
        explanation: "The connection to {host} was refused.",
        fixes: [.linux: [FixTemplate(id: "mongod.start", summary: "Start mongod on port {port}", commands: ["mongod --port {port}"])]])
    static let wording = CatalogWording(catalog: DiagnosticCatalog(entries: [entry]), platform: .linux)

    @Test func aFindingWithEveryValueTakesTheCatalogsWords() {
        let code = Finding(id: "tcp.refused", severity: .warning, title: "code words", evidence: ["e"],
                           values: ["host": "db1", "port": "27018"])
        let worded = Self.wording.apply(to: code)
        #expect(worded.title == "Nothing listens on db1:27018")
        #expect(worded.detail == "The connection to db1 was refused.")
        #expect(worded.fixes.map(\.commands) == [["mongod --port 27018"]])
        #expect(worded.severity == .warning && worded.evidence == ["e"], "severity and evidence stay the code's")
    }

    @Test func aMissingValueKeepsTheCodesWords() {
        let code = Finding(id: "tcp.refused", severity: .error, title: "code words", values: ["host": "db1"])
        #expect(Self.wording.apply(to: code).title == "code words")
    }

    @Test func anIdTheCatalogLacksIsUntouched() {
        let code = Finding(id: "x.other", severity: .error, title: "kept", values: ["host": "h"])
        #expect(Self.wording.apply(to: code).title == "kept")
    }

    /// (elevation, a command the code wrote for a finding the catalog lacks, what the reader sees).
    static let codeCommands: [(CommandElevation, String, String)] = [
        (.sudo, "sudo systemctl start mongod", "sudo systemctl start mongod"),
        (.root, "sudo systemctl start mongod", "systemctl start mongod"),
        (.root, "sudo -u mongodb mongod --repair", "runuser -u mongodb -- mongod --repair"),
        (.root, "kill 42", "kill 42"),
    ]

    @Test("the code's own commands follow the reader as the catalog's do", arguments: codeCommands)
    func codeCommandsFollowTheReader(elevation: CommandElevation, written: String, shown: String) {
        let code = Finding(id: "x.other", severity: .error, title: "kept", fixes: [Fix(id: "x.fix", summary: "s", commands: [written])])
        let wording = CatalogWording(catalog: DiagnosticCatalog(entries: [Self.entry]), platform: .linux, elevation: elevation)
        #expect(wording.apply(to: code).fixes.map(\.commands) == [[shown]])
    }

    @Test func automaticActionsSurviveTheRewording() {
        let action = ClosureFixAction {}
        let code = Finding(id: "tcp.refused", severity: .error, title: "t",
                           fixes: [Fix(id: "mongod.start", summary: "s", action: action), Fix(id: "x.auto", summary: "a", action: action)],
                           values: ["host": "h", "port": "1"])
        let fixes = Self.wording.apply(to: code).fixes
        #expect(fixes.map(\.id) == ["mongod.start", "x.auto"])
        #expect(fixes.allSatisfy { $0.isAutomatic })
        #expect(fixes.first?.summary == "Start mongod on port 1")
    }

    @Test func aUserCatalogRewordsTheBuiltInOne() {
        let user = DiagnosticEntry(id: "tcp.refused", severity: .error, title: "Bei {host} hört niemand zu")
        var catalog = DiagnosticCatalog(entries: [Self.entry])
        catalog = DiagnosticCatalog(entries: catalog.entries + [user])
        let code = Finding(id: "tcp.refused", severity: .error, title: "t", values: ["host": "db1", "port": "1"])
        #expect(CatalogWording(catalog: catalog, platform: .linux).apply(to: code).title == "Bei db1 hört niemand zu")
    }
}

@Suite struct CatalogWordingFixTests {
    @Test func aFixOnlyTheCodeFoundIsKeptAfterTheCatalogs() {
        let entry = DiagnosticEntry(id: "x.y", severity: .error, title: "t",
                                    fixes: [.linux: [FixTemplate(id: "x.catalog", summary: "from the catalog")]])
        let code = Finding(id: "x.y", severity: .error, title: "code",
                           fixes: [Fix(id: "x.kill-pid", summary: "Stop pid 42", commands: ["kill 42"])])
        let fixes = CatalogWording(catalog: DiagnosticCatalog(entries: [entry]), platform: .linux).apply(to: code).fixes
        #expect(fixes.map(\.id) == ["x.catalog", "x.kill-pid"])
        #expect(fixes.last?.commands == ["kill 42"])
    }
}

/// Which catalog fixes a reworded finding shows: the code decides which apply.
@Suite struct CatalogFixChoiceTests {
    static let entry = DiagnosticEntry(
        id: "tcp.refused", severity: .error, title: "Nothing on {endpoint}",
        fixes: [.linux: [FixTemplate(id: "mongod.start", summary: "Start mongod on {port}"),
                         FixTemplate(id: "mongod.check-bind-ip", summary: "Check {host}")]])
    static let wording = CatalogWording(catalog: DiagnosticCatalog(entries: [entry]), platform: .linux)

    @Test func onlyTheFixesTheCodeOfferedAreShown() {
        let code = Finding(id: "tcp.refused", severity: .error, title: "t", fixes: [Fix(id: "mongod.check-bind-ip", summary: "code")],
                           values: ["endpoint": "db:1", "host": "db"])
        let worded = Self.wording.apply(to: code)
        #expect(worded.title == "Nothing on db:1")
        #expect(worded.fixes.map(\.summary) == ["Check db"])
        #expect(Self.wording.isFillable(code))
    }

    @Test func withoutCodeFixesTheFillableCatalogFixesAreShown() {
        let code = Finding(id: "tcp.refused", severity: .error, title: "t", values: ["endpoint": "db:1", "port": "1"])
        #expect(Self.wording.apply(to: code).fixes.map(\.summary) == ["Start mongod on 1"])
    }

    @Test func aCodeFixTheValuesCannotFillKeepsTheCodesWords() {
        let code = Finding(id: "tcp.refused", severity: .error, title: "code", fixes: [Fix(id: "mongod.start", summary: "code fix")],
                           values: ["endpoint": "db:1"])
        #expect(!Self.wording.isFillable(code))
        #expect(Self.wording.apply(to: code).title == "code")
    }
}

/// `explain`'s general description of every entry reads as words: no placeholder, no empty title.
@Suite struct GenericFindingTests {
    @Test("every entry, every platform", arguments: Platform.allCases)
    func everyEntryReads(platform: Platform) throws {
        let catalog = try Fixtures.builtInCatalog()
        #expect(catalog.entries.count > 100)
        for entry in catalog.entries {
            let finding = try #require(catalog.genericFinding(entry.id, platform: platform), "\(entry.id)")
            let prose = [finding.title, finding.detail] + finding.fixes.map(\.summary)
            for text in prose {
                // `{name}` and `<name>` are placeholders; `{_id: "hashed"}` is a document in prose.
                #expect(text.firstMatch(of: /\{[A-Za-z0-9_]+(\|[^}]*)?\}|<[A-Za-z][A-Za-z0-9 _-]*>/) == nil, "\(entry.id): \(text)")
            }
            #expect(finding.title.contains { $0.isLetter }, "\(entry.id): \(finding.title)")
            for command in finding.fixes.flatMap(\.commands) {
                #expect(!command.contains("…"), "\(entry.id): a command with an unknown value is left out: \(command)")
            }
        }
    }
}
