import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import MongodDiagnosis
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The local findings through `CheckRun` take their wording from the catalog: real temporary
/// directories and files, a real refusing loopback port, the real accounts `daemon` and `nobody`.
@Suite struct LocalCatalogWordingTests {
    static var catalog: DiagnosticCatalog {
        get throws { try DiagnosticCatalog.load(directories: [ConfiguredLogCheckTests.diagnostics]) }
    }

    /// `daemon` as the service user: real, not root, so permissions are judged.
    static let serviceUser = "daemon"
    static var owner: String { "\(serviceUser):\(String(cString: getgrgid(getpwnam(serviceUser).pointee.pw_gid).pointee.gr_name))" }

    func run(_ local: LocalSetup, fix: Bool = false, refusing: RefusingPort? = nil, readerIsRoot: Bool? = nil,
             catalog: DiagnosticCatalog? = nil) async throws -> CheckRun.Outcome {
        let refusing = try refusing ?? RefusingPort()
        var local = local
        local.port = refusing.port
        local.serviceUser = Self.serviceUser
        local.searchPath = []
        let request = CheckRun.Request(
            target: .init(uri: "mongodb://127.0.0.1:\(refusing.port)", source: "--uri"), local: local, localRequested: true,
            platform: .linux, timeout: .seconds(2), catalog: try catalog ?? Self.catalog, applyFixes: fix)
        var checkRun = CheckRun.live
        if let readerIsRoot {
            checkRun.localProbes.users = ReaderDirectory(isRoot: readerIsRoot)
        }
        return await checkRun.run(request) { _ in true }
    }

    /// This machine's users, except that the person running the doctor is root or a made-up normal account.
    struct ReaderDirectory: UserDirectory {
        let isRoot: Bool
        let live = LiveUserDirectory()
        func user(named name: String) -> UserIdentity? { live.user(named: name) }
        func user(uid: UInt32) -> UserIdentity? { live.user(uid: uid) }
        func groupName(gid: UInt32) -> String? { live.groupName(gid: gid) }
        func currentUser() -> UserIdentity? {
            isRoot ? UserIdentity(name: "root", uid: 0, gid: 0) : UserIdentity(name: "reader", uid: 4242, gid: 4242)
        }
    }

    @Test("dbpath.not-writable: a normal reader's catalog commands carry sudo, a root reader's do not", arguments: [false, true])
    func catalogCommandsFollowTheReader(readerIsRoot: Bool) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("data")
        try FileManager.default.createDirectory(atPath: dbpath, withIntermediateDirectories: false)
        chmod(dbpath, 0o755)
        let reported = try #require(finding(try await run(LocalSetup(dbPath: dbpath), readerIsRoot: readerIsRoot), .dbpathNotWritable))
        let chown = "chown -R \(Self.owner) \(dbpath)"
        #expect(reported.fixes.map(\.commands) == [[readerIsRoot ? chown : "sudo " + chown]])
    }

    @Test("tcp.refused without a catalog: the code's own start command follows the reader too", arguments: [false, true])
    func codeCommandsFollowTheReader(readerIsRoot: Bool) async throws {
        let outcome = try await run(LocalSetup(), readerIsRoot: readerIsRoot, catalog: DiagnosticCatalog(entries: []))
        let refused = try #require(finding(outcome, .tcpRefused))
        let start = try #require(refused.fixes.first { $0.id == .mongodStart })
        #expect(start.commands.first == (readerIsRoot ? "systemctl start mongod" : "sudo systemctl start mongod"))
        #expect(start.commands.last?.hasPrefix("mongo-doctor check --port ") == true)
    }

    func finding(_ outcome: CheckRun.Outcome, _ id: FindingID) -> Finding? {
        outcome.results.flatMap(\.findings).first { $0.id == id }
    }

    @Test("dbpath.missing: the catalog's title and fixes filled with the temporary path; the automatic fix shows what it runs")
    func missingDbPathIsWordedByTheCatalog() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("no db")
        let outcome = try await run(LocalSetup(dbPath: dbpath))
        let reported = try #require(finding(outcome, .dbpathMissing))
        let expected = try #require(try Self.catalog.finding(
            .dbpathMissing, platform: .linux, values: ["dbpath": dbpath, "config": "/etc/mongod.conf", "user": Self.owner]))
        #expect(reported.title == expected.title && reported.title.contains(dbpath))
        #expect(reported.detail == expected.detail)
        #expect(reported.fixes.map(\.summary) == expected.fixes.map(\.summary))
        #expect(reported.fixes.map(\.id) == ["dbpath.create-directory", "dbpath.use-existing"])
        let create = try #require(reported.fixes.first)
        #expect(create.isAutomatic)
        let quoted = "'\(dbpath)'"
        #expect(create.commands == ["mkdir -p \(quoted)", "chown \(Self.owner) \(quoted)", "chmod 750 \(quoted)"].map(AsThisUser.sudo),
                "the automatic fix shows the commands its action runs, quoted for the shell")
        #expect(reported.fixes.last?.commands == ["grep -n dbPath /etc/mongod.conf"])
        #expect(reported.severity == .error && reported.evidence.first?.hasPrefix("dbpath: \(dbpath) (") == true,
                "severity and evidence stay the code's")
    }

    @Test("--fix applies the reworded automatic fix: the directory is created for the service user and the re-check is clean")
    func fixStillWorksAfterRewording() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("db")
        let outcome = try await run(LocalSetup(dbPath: dbpath), fix: true)
        #expect(outcome.applied.map(\.step.fix.id) == ["dbpath.create-directory"])
        #expect(outcome.applied.allSatisfy { $0.failure == nil })
        let attributes = try FileManager.default.attributesOfItem(atPath: dbpath)
        #expect(attributes[.ownerAccountName] as? String == Self.serviceUser)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o750)
        #expect(finding(outcome, .dbpathMissing) == nil, "the re-check no longer finds it")
    }

    @Test("dbpath.not-writable: the catalog's commands are the ones the check shows without a catalog, path quoted")
    func notWritableCommandsMatchTheCodes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("my db")
        try FileManager.default.createDirectory(atPath: dbpath, withIntermediateDirectories: false)
        chmod(dbpath, 0o755)
        let reported = try #require(finding(try await run(LocalSetup(dbPath: dbpath)), .dbpathNotWritable))
        #expect(reported.title == "mongod cannot write to the data directory \(dbpath)")
        let quoted = "'\(dbpath)'"
        // The check offers the chown, so the catalog shows that fix of its own (the code decides which apply).
        #expect(reported.fixes.map(\.commands) == [[AsThisUser.sudo("chown -R \(Self.owner) \(quoted)")]])
        // Without a catalog the check's own words show the same chown.
        let bare = CheckRun.Request(
            target: .init(uri: "mongodb://127.0.0.1:\(try RefusingPort().port)", source: "--uri"),
            local: LocalSetup(dbPath: dbpath, serviceUser: Self.serviceUser, searchPath: []), localRequested: true,
            platform: .linux, timeout: .seconds(2), catalog: DiagnosticCatalog(entries: []))
        let code = try #require(await CheckRun.live.run(bare).results.flatMap(\.findings).first { $0.id == .dbpathNotWritable })
        #expect(code.title == "\(dbpath) is not writable by the service user \(Self.serviceUser)", "the code's fallback words")
        #expect(code.fixes.first?.commands == reported.fixes.last?.commands)
    }

    /// A local scenario: files in a temporary directory, then the local setup that points at them.
    struct Scenario: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: [FindingID]
        /// Makes the files for the directory and the (refusing) port.
        let make: @Sendable (TemporaryDirectory, Int) throws -> LocalSetup
        var testDescription: String { name }
    }

    static func write(_ dir: TemporaryDirectory, _ name: String, _ text: String, mode: mode_t = 0o644, uid: uid_t = 0) throws -> String {
        let path = dir.appending(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        chown(path, uid, getpwnam(serviceUser).pointee.pw_gid)
        return path
    }

    static func ownDbPath(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.appending("db")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chown(path, getpwnam(serviceUser).pointee.pw_uid, getpwnam(serviceUser).pointee.pw_gid)
        return path
    }

    static func config(_ dir: TemporaryDirectory, _ text: String) throws -> LocalSetup {
        LocalSetup(configPath: try write(dir, "mongod.conf", text), dbPath: try ownDbPath(dir))
    }

    static var daemonUID: uid_t { getpwnam(serviceUser).pointee.pw_uid }

    static let scenarios: [Scenario] = [
        Scenario(name: "missing dbpath", expected: [.dbpathMissing, .mongodNotFound, .mongodNotRunning]) { dir, _ in
            LocalSetup(dbPath: dir.appending("nothing"))
        },
        Scenario(name: "dbpath is a file", expected: [.dbpathNotDirectory]) { dir, _ in LocalSetup(dbPath: try write(dir, "file", "x")) },
        Scenario(name: "dbpath owned by root", expected: [.dbpathNotWritable]) { dir, _ in
            let path = dir.appending("rootdb")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            chmod(path, 0o755)
            return LocalSetup(dbPath: path)
        },
        Scenario(name: "a private root file in the dbpath", expected: [.dbpathWrongOwner]) { dir, _ in
            let path = try ownDbPath(dir)
            _ = try write(dir, "db/collection-0.wt", "x", mode: 0o600)
            return LocalSetup(dbPath: path)
        },
        Scenario(name: "unclean shutdown", expected: [.dbpathUncleanShutdown]) { dir, _ in
            let path = try ownDbPath(dir)
            _ = try write(dir, "db/mongod.lock", "4242\n", mode: 0o600, uid: daemonUID)
            return LocalSetup(dbPath: path)
        },
        Scenario(name: "YAML with a tab", expected: [.configInvalidYaml]) { dir, _ in try config(dir, "net:\n\tport: 27017\n") },
        Scenario(name: "misspelled option", expected: [.configUnknownOption]) { dir, _ in try config(dir, "net:\n  bindIP: 127.0.0.1\n") },
        Scenario(name: "port that is not a number", expected: [.configInvalidValue]) { dir, _ in try config(dir, "net:\n  port: abc\n") },
        Scenario(name: "config the service user cannot read", expected: [.configUnreadable]) { dir, _ in
            LocalSetup(configPath: try write(dir, "mongod.conf", "net:\n  port: 27017\n", mode: 0o600), dbPath: try ownDbPath(dir))
        },
        Scenario(name: "missing key file", expected: [.keyfileUnreadable]) { dir, _ in
            try config(dir, "security:\n  keyFile: \(dir.appending("nokey"))\n  authorization: enabled\n")
        },
        Scenario(name: "open key file with a bad character", expected: [.keyfileTooOpen, .keyfileInvalidContent]) { dir, _ in
            let key = try write(dir, "key", "abcdefgh#ijkl\n", mode: 0o644, uid: daemonUID)
            return try config(dir, "security:\n  keyFile: \(key)\n  authorization: enabled\n")
        },
        Scenario(name: "log directory missing", expected: [.logpathNotWritable]) { dir, _ in
            try config(dir, "systemLog:\n  destination: file\n  path: \(dir.appending("nolog/mongod.log"))\n")
        },
        Scenario(name: "stale socket of another user", expected: [.socketStale]) { dir, port in
            try UnixSocket.makeStale(at: dir.appending("mongodb-\(port).sock"), owner: getpwnam("nobody").pointee.pw_uid, group: 0)
            return try config(dir, "net:\n  unixDomainSocket:\n    pathPrefix: \(dir.path)\n")
        },
        Scenario(name: "bindIpAll without access control", expected: [.securityNoAccessControl]) { dir, _ in try config(dir, "net:\n  bindIpAll: true\n") },
        Scenario(name: "bindIp address this host lacks", expected: [.bindipNotLocal]) { dir, _ in try config(dir, "net:\n  bindIp: 127.0.0.1,192.0.2.7\n") },
    ]

    static let localChecks: Set<CheckID> = [.configParse, .dbpath, .keyfile, .logpath, .mongodBinary, .port, .security, .socket]

    /// Findings the catalog does not word on purpose: its text does not fit what the check establishes.
    static let codeWorded: Set<FindingID> = [.portInUse, .dbpathLowSpace]

    @Test("every local finding of each scenario is worded by the catalog", arguments: scenarios)
    func everyLocalFindingIsReworded(_ scenario: Scenario) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let refusing = try RefusingPort()
        let setup = try scenario.make(dir, refusing.port)
        try check(try await run(setup, refusing: refusing), scenario)
    }

    func check(_ outcome: CheckRun.Outcome, _ scenario: Scenario) throws {
        let wording = CatalogWording(catalog: try Self.catalog, platform: .linux)
        let local = outcome.results.filter { Self.localChecks.contains($0.id) }.flatMap(\.findings)
        for id in scenario.expected {
            #expect(local.contains { $0.id == id }, "\(id) in \(local.map(\.id))")
        }
        for finding in local where !Self.codeWorded.contains(finding.id) {
            let fillable = wording.isFillable(finding)
            #expect(fillable, "\(finding.id) has values \(finding.values.keys.sorted())")
            let expected = try #require(try Self.catalog.finding(finding.id, platform: .linux, values: finding.values))
            #expect(finding.title == expected.title, "\(finding.id)")
        }
    }
}
