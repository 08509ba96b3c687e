import DoctorCore
import MongodDiagnosis
import Testing

/// One paste and what it must give.
struct PasteCase: Sendable, CustomTestStringConvertible {
    let name: String
    let lines: [String]
    let id: FindingID
    let exitCode: Int?
    var fragment: String? = nil
    var testDescription: String { name }
}

/// Real lines as pasted into public issue threads (see PastedFixtures.swift for each source).
let pasteCases: [PasteCase] = [
    PasteCase(name: "2.6 lock held by another mongod", lines: [Pasted.lockedTwoSix], id: "dbpath.in-use", exitCode: 100, fragment: "/var/lib/mongodb"),
    PasteCase(name: "2.4 old lock file", lines: Pasted.oldLockFile, id: "dbpath.old-lock-file", exitCode: 100),
    PasteCase(name: "SEVERE FileNotOpen", lines: [Pasted.severeLogDir], id: "logpath.not-writable", exitCode: 1, fragment: "/var/log/mongodb/mongod.log"),
    PasteCase(name: "log file in /var/log", lines: [Pasted.severeVarLog], id: "logpath.shared-directory", exitCode: 1, fragment: "/var/log/mongod.log"),
    PasteCase(name: "bare exception in initAndListen", lines: [Pasted.bareInitAndListen], id: "dbpath.missing", exitCode: 100, fragment: "/data/db does"),
    PasteCase(name: "path ends before , terminating", lines: [Pasted.readOnlyLegacy], id: "dbpath.not-writable", exitCode: 100, fragment: "directory /data/db"),
    PasteCase(name: "DBPathInUse at I under attr.e", lines: [Pasted.dbpathInUseUnderE], id: "dbpath.in-use", exitCode: 100),
    PasteCase(name: "downgrade: unsupported WiredTiger file version", lines: [Pasted.wiredTigerVersion], id: "storage.downgrade", exitCode: 14),
    PasteCase(name: "read checksum error", lines: [Pasted.checksum], id: "storage.corrupt", exitCode: 14),
    PasteCase(name: "WT_PANIC", lines: [Pasted.panic], id: "storage.corrupt", exitCode: 14),
    PasteCase(name: "errno 95 is not a downgrade", lines: Pasted.notSupported, id: "storage.unsupported-filesystem", exitCode: 14),
    PasteCase(name: "no space for the journal", lines: Pasted.journalSpace, id: "dbpath.low-space", exitCode: 100),
    PasteCase(name: "YAML duplicate key", lines: [Pasted.duplicateKey], id: "config.duplicate-key", exitCode: 2, fragment: "storage.dbPath"),
    PasteCase(name: "BadValue option", lines: [Pasted.badValue], id: "config.bad-value", exitCode: 2, fragment: "net.port"),
    PasteCase(name: "4.0 UPGRADE PROBLEM", lines: [Pasted.upgradeProblem], id: "version.fcv-mismatch", exitCode: 62),
    PasteCase(name: "no AVX: systemd", lines: [Pasted.avxSystemd], id: "cpu.no-avx", exitCode: 132),
    PasteCase(name: "no AVX: docker compose", lines: [Pasted.avxCompose], id: "cpu.no-avx", exitCode: 132),
    PasteCase(name: "no AVX: shell", lines: [Pasted.avxShell], id: "cpu.no-avx", exitCode: 132),
    PasteCase(name: "loader error", lines: [Pasted.loader], id: "binary.missing-library", exitCode: 127, fragment: "libcrypto.so.1.1"),
    PasteCase(name: "systemd excerpt without the cause", lines: Pasted.systemdOnly, id: "mongod.failed-no-cause", exitCode: 14),
]

@Suite("Pasted logs")
struct PastedLogTests {
    @Test("each paste gives its cause first, with the exit code", arguments: pasteCases)
    func paste(_ testCase: PasteCase) throws {
        let analysis = try Fixtures.analyze(testCase.lines)
        let first = try #require(analysis.findings.first)
        #expect(first.id == testCase.id, "\(analysis.findings.map(\.id))")
        #expect(first.severity == .error)
        #expect(analysis.exitCode == testCase.exitCode)
        if let fragment = testCase.fragment { #expect(first.title.contains(fragment), "\(first.title)") }
        #expect(!analysis.findings.contains { $0.id == "storage.downgrade" } || testCase.id == "storage.downgrade")
    }

    @Test("the fragment people paste gives dbpath.missing with the Windows fix and exit 100")
    func fragment() throws {
        for text in [Pasted.missingDbpathFragment, Pasted.singleBackslashes] {
            let analysis = try Fixtures.analyze([text], platform: nil)
            let missing = try #require(analysis.findings.first)
            #expect(missing.id == "dbpath.missing")
            #expect(missing.title == #"The data directory C:\data\db does not exist"#)
            #expect(analysis.platform == .windows)
            #expect(missing.fixes.first?.commands == [#"mkdir C:\data\db"#])
            #expect(missing.fixes.first?.summary.contains("administrator") == true)
            #expect(missing.fixes.dropFirst().contains { $0.commands.contains { $0.contains("dbPath") } })
            #expect(analysis.exitCode == 100)
            #expect(analysis.findings.last?.title.contains("100 (uncaught") == true)
        }
    }

    // Wrappers; the wrapped line is the reference's port-in-use line (§2 row 5, id 20568 in
    // src/mongo/transport/transport_layer_asio.cpp).
    @Test("prefixes before a mongod line are stripped", arguments: [
        "@4000000065e1a3b0123abc45 " + Fixtures.portInUse,  // runit/svlogd -t (TAI64N)
        "2024-03-01_10:00:00.12345 " + Fixtures.portInUse,  // svlogd -tt
        "2024-03-01T09:00:00.123456789Z " + Fixtures.portInUse,  // docker logs -t
        "[js_test:lock_file_fail_to_open] d20010| " + Fixtures.portInUse,  // resmoke / shell harness
        "[j0:n1] " + Fixtures.portInUse,
        "mongo_1      | Mar 01 10:00:00 host mongod[7]: " + Fixtures.portInUse,  // two wrappers
        "Mar 01 10:00:00 host mongod[123]: exception in initAndListen: 98 Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory, terminating",
    ])
    func prefixes(line: String) throws {
        let analysis = try Fixtures.analyze([line])
        #expect(["port.in-use", "dbpath.in-use"].contains(analysis.findings.first?.id))
        #expect(analysis.linesIgnored == 0)
    }

    @Test("a JSON line the paste wrapped is joined back")
    func wrapped() throws {
        let line = Fixtures.portInUse
        let cut = [line.index(line.startIndex, offsetBy: 70), line.index(line.startIndex, offsetBy: 150)]
        let lines = [String(line[..<cut[0]]), String(line[cut[0]..<cut[1]]), String(line[cut[1]...])]
        let analysis = try Fixtures.analyze([Fixtures.starting()] + lines)
        #expect(analysis.findings.first?.id == "port.in-use")
        #expect(analysis.exitCode == 48)
        #expect(analysis.linesIgnored == 0)
    }

    @Test("facts come from the log: the port of the options line, the 2.x version without its comma")
    func facts() throws {
        let analysis = try Fixtures.analyze([Pasted.oldVersion] + Pasted.optionsPort)
        let finding = try #require(analysis.findings.first)
        #expect(finding.title == "Port 27217 is already in use by another process")
        #expect(finding.fixes.last?.commands == ["mongod --port 27218 --dbpath /var/lib/mongodb"])
        #expect(analysis.serverVersion == "2.2.3")
    }

    @Test("a log file in /var/log is fixed with /var/log/mongodb or the file alone, never a chown of /var/log")
    func varLogFix() throws {
        let finding = try #require(try Fixtures.analyze([Pasted.severeVarLog]).findings.first)
        let commands = finding.fixes.flatMap(\.commands)
        #expect(commands.contains("sudo chown mongodb:mongodb /var/log/mongodb"))
        #expect(commands.contains("sudo chown mongodb:mongodb /var/log/mongod.log"))
        #expect(!commands.contains { $0.hasSuffix(" /var/log") })
    }

    @Test("text that is not about mongod is still not a mongod log", arguments: ["hello\nworld", "npm ERR! code ELIFECYCLE"])
    func notMongod(text: String) throws {
        let analyzer = try MongodLogAnalyzer(catalog: Fixtures.builtInCatalog(), platform: .linux)
        #expect(throws: MongodDiagnosisError.notAMongodLog(source: "x")) { try analyzer.analyze(text, source: "x") }
    }
}
