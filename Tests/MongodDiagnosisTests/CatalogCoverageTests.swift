import DoctorCore
import MongodDiagnosis
import Testing

/// One catalog entry and the log lines (from mongodb-failures.md §2) that must produce it.
struct CatalogCase: Sendable, CustomTestStringConvertible {
    let id: FindingID
    let severity: Severity
    let lines: [String]
    let exitCode: Int?
    var testDescription: String { id.rawValue }
}

/// Every entry of the built-in catalog, each with a real line from the reference.
let catalogCases: [CatalogCase] = [
    CatalogCase(id: "dbpath.missing", severity: .error, lines: [Fixtures.missingDbpathLinux], exitCode: 100),
    CatalogCase(id: "dbpath.not-writable", severity: .error, lines: [Fixtures.readOnlyDbpath], exitCode: 100),
    CatalogCase(id: "dbpath.wrong-owner", severity: .error, lines: Fixtures.wiredTigerDenied, exitCode: 14),
    CatalogCase(id: "dbpath.in-use", severity: .error, lines: [Fixtures.dbpathInUse], exitCode: 100),
    CatalogCase(id: "dbpath.unclean-shutdown", severity: .warning, lines: [Fixtures.uncleanShutdown], exitCode: nil),
    CatalogCase(id: "dbpath.low-space", severity: .error, lines: [Fixtures.noSpace], exitCode: 100),
    CatalogCase(id: "port.in-use", severity: .error, lines: [Fixtures.portInUse], exitCode: 48),
    CatalogCase(id: "bindip.not-local", severity: .error, lines: [Fixtures.bindIpNotLocal], exitCode: 48),
    CatalogCase(id: "socket.stale", severity: .error, lines: Fixtures.staleSocket, exitCode: 14),
    CatalogCase(id: "logpath.not-writable", severity: .error, lines: [Fixtures.logpathNotOpen], exitCode: 1),
    CatalogCase(id: "keyfile.too-open", severity: .error, lines: Fixtures.keyfileTooOpen, exitCode: 1),
    CatalogCase(id: "version.fcv-mismatch", severity: .error, lines: [Fixtures.fcvMismatch], exitCode: 62),
    CatalogCase(id: "storage.downgrade", severity: .error, lines: [Fixtures.wiredTigerDowngrade], exitCode: 14),
    CatalogCase(id: "storage.corrupt", severity: .error, lines: Fixtures.corruption, exitCode: 14),
    CatalogCase(id: "storage.incomplete-repair", severity: .error, lines: [Fixtures.incompleteRepair], exitCode: 14),
    CatalogCase(id: "config.invalid-yaml", severity: .error, lines: [Fixtures.invalidYAML], exitCode: 2),
    CatalogCase(id: "config.unknown-option", severity: .error, lines: [Fixtures.unknownOption], exitCode: 2),
    // Added with issue 8 (sources of each line in PastedFixtures.swift).
    CatalogCase(id: "dbpath.old-lock-file", severity: .error, lines: Pasted.oldLockFile, exitCode: 100),
    CatalogCase(id: "logpath.shared-directory", severity: .error, lines: [Pasted.severeVarLog], exitCode: 1),
    CatalogCase(id: "storage.unsupported-filesystem", severity: .error, lines: Pasted.notSupported, exitCode: 14),
    CatalogCase(id: "config.duplicate-key", severity: .error, lines: [Pasted.duplicateKey], exitCode: 2),
    CatalogCase(id: "config.bad-value", severity: .error, lines: [Pasted.badValue], exitCode: 2),
    CatalogCase(id: "cpu.no-avx", severity: .error, lines: [Pasted.avxSystemd], exitCode: 132),
    CatalogCase(id: "binary.missing-library", severity: .error, lines: [Pasted.loader], exitCode: 127),
    CatalogCase(id: "mongod.failed-no-cause", severity: .error, lines: Pasted.systemdOnly, exitCode: 14),
    CatalogCase(id: "limits.open-files", severity: .warning, lines: [Fixtures.openFiles], exitCode: nil),
    CatalogCase(id: "kernel.thp", severity: .warning, lines: [Fixtures.transparentHugePages], exitCode: nil),
    CatalogCase(id: "security.running-as-root", severity: .warning, lines: [Fixtures.runningAsRoot], exitCode: nil),
    CatalogCase(id: "security.no-access-control", severity: .warning, lines: [Fixtures.noAccessControl], exitCode: nil),
]

@Suite("Catalog coverage")
struct CatalogCoverageTests {
    @Test("each entry is found from its reference log line", arguments: catalogCases)
    func entryMatches(_ testCase: CatalogCase) throws {
        let analysis = try Fixtures.analyze([Fixtures.starting()] + testCase.lines)
        let finding = try #require(analysis.findings.first { $0.id == testCase.id })
        #expect(finding.severity == testCase.severity)
        #expect(!finding.evidence.isEmpty)
        #expect(analysis.exitCode == testCase.exitCode)
        if testCase.severity == .error {
            #expect(analysis.findings.first?.id == testCase.id, "the cause comes first")
            #expect(!analysis.findings.contains { $0.id == "log.unrecognized" })
        }
        for fix in finding.fixes {
            #expect(!fix.commands.contains { $0.contains("<dbpath>") || $0.contains("<port>") })
        }
    }

    @Test("every line-matching catalog entry has a case")
    func everyEntryCovered() throws {
        let catalog = try Fixtures.builtInCatalog()
        let covered = Set(catalogCases.map(\.id))
        let uncovered = catalog.entries.filter { !$0.match.isEmpty && !covered.contains($0.id) && $0.severity != .info }
        #expect(uncovered.map(\.id) == [])
    }

    @Test("entries with an exit code give log.exit-code", arguments: catalogCases.filter { $0.exitCode != nil })
    func exitCodeFinding(_ testCase: CatalogCase) throws {
        let analysis = try Fixtures.analyze(testCase.lines)
        let finding = try #require(analysis.findings.first { $0.id == "log.exit-code" })
        #expect(finding.severity == .info)
        #expect(finding.title.contains("code \(testCase.exitCode ?? -1) "))
    }
}
