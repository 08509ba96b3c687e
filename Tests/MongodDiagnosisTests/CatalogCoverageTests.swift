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
    // keyfile failures besides too-open (lines: KeyfileLines at the end of this file)
    CatalogCase(id: "keyfile.unreadable", severity: .error, lines: KeyfileLines.missing, exitCode: 1),
    CatalogCase(id: "keyfile.unreadable", severity: .error, lines: KeyfileLines.badFile, exitCode: 1),
    CatalogCase(id: "keyfile.invalid-content", severity: .error, lines: KeyfileLines.invalidChar, exitCode: 1),
    CatalogCase(id: "keyfile.wrong-length", severity: .error, lines: KeyfileLines.tooLong, exitCode: 1),
    CatalogCase(id: "keyfile.wrong-length", severity: .error, lines: KeyfileLines.tooShort, exitCode: 1),
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

/// mongod's keyfile failures other than too-open, as security_file.cpp and security_key.cpp word
/// them (mongodb-failures.md §2, row 16, lists the first three), each followed by the fatal line.
enum KeyfileLines {
    static let date = #""t":{"$date":"2024-01-01T00:00:00.000Z"}"#
    static let fatal = Fixtures.keyfileTooOpen[1]
    static func readFailed(_ code: Int, _ codeName: String, _ message: String) -> String {
        #"{\#(date),"s":"I","c":"ACCESS","id":20254,"ctx":"main","msg":"Read security file failed","attr":{"error":{"code":\#(code),"codeName":"\#(codeName)","errmsg":"\#(message)"}}}"#
    }
    static let missing = [readFailed(30, "InvalidPath", "Error reading file /etc/mongo/keyfile: No such file or directory"), fatal]
    static let badFile = [readFailed(30, "InvalidPath", "error opening file: /etc/mongo-keyfile: bad file"), fatal]
    static let invalidChar = [readFailed(140, "UnsupportedFormat", "invalid char in key file /etc/mongo/keyfile: #"), fatal]
    /// Pre-4.4 text lines (4.2 wording; the key counted without whitespace).
    static let tooLong = [
        "2019-11-01T10:00:00.000+0000 E ACCESS   [main]  security key in /etc/mongo/keyfile has length 1400, must be between 6 and 1024 chars",
        "2019-11-01T10:00:00.000+0000 F -        [main] Unable to acquire security key[s]",
    ]
    static let tooShort = [
        "2019-11-01T10:00:00.000+0000 E ACCESS   [main]  security key in /etc/mongo/keyfile has length 4, must be between 6 and 1024 chars",
        "2019-11-01T10:00:00.000+0000 F -        [main] Unable to acquire security key[s]",
    ]
}

@Suite("keyfile catalog entries")
struct KeyfileCatalogTests {
    @Test("the keyfile path and the reason come from the log line", arguments: [
        (KeyfileLines.missing, "mongod cannot read the keyfile /etc/mongo/keyfile: No such file or directory"),
        (KeyfileLines.badFile, "mongod cannot read the keyfile /etc/mongo-keyfile: bad file"),
        (KeyfileLines.invalidChar, "The keyfile /etc/mongo/keyfile holds a character that is not base64"),
        (KeyfileLines.tooLong, "The keyfile /etc/mongo/keyfile holds a key of 1400 characters: mongod needs 6 to 1024 (empty, too short or too long)"),
    ])
    func titles(_ lines: [String], _ title: String) throws {
        let analysis = try Fixtures.analyze(lines)
        #expect(analysis.findings.first?.title == title)
    }

    @Test("a too-long key's fix writes a key that fits, private to the service user")
    func regenerate() throws {
        let analysis = try Fixtures.analyze(KeyfileLines.tooLong)
        let finding = try #require(analysis.findings.first { $0.id == "keyfile.wrong-length" })
        #expect(finding.fixes.first?.commands == [
            "openssl rand -base64 756 | sudo tee /etc/mongo/keyfile > /dev/null",
            "sudo chown mongodb:mongodb /etc/mongo/keyfile", "sudo chmod 400 /etc/mongo/keyfile",
        ])
    }
}
