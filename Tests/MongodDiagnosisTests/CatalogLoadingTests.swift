import DoctorCore
import Foundation
import MongodDiagnosis
import Testing

/// A fresh temporary directory, removed by `remove()`.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mongod-diagnosis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite("Catalog loading")
struct CatalogLoadingTests {
    @Test("the built-in catalog loads and has every documented id")
    func builtIn() throws {
        let catalog = try Fixtures.builtInCatalog()
        let ids = Set(catalog.entries.map(\.id))
        let expected = catalogCases.map(\.id) + ["log.exit-code", "log.unrecognized"]
        #expect(expected.filter { !ids.contains($0) } == [])
    }

    @Test("invalid entries give one line naming file and entry", arguments: [
        (#"{"entries":[{"id":"x.bad-regex","severity":"error","title":"t","match":{"messagePattern":"(unclosed"}}]}"#, "entry 'x.bad-regex': invalid messagePattern '(unclosed'"),
        (#"{"entries":[{"id":"x.dup","severity":"error","title":"t"},{"id":"x.dup","severity":"info","title":"u"}]}"#, "entry 'x.dup': duplicate id in this file"),
        (#"{"entries":[{"severity":"error","title":"t"}]}"#, "entry '#1': missing id"),
        (#"{"entries":[{"id":"x.sev","severity":"fatal","title":"t"}]}"#, "entry 'x.sev': unknown severity 'fatal'"),
        (#"{"entries":[{"id":"x.plat","severity":"error","title":"t","fixes":{"beos":[]}}]}"#, "entry 'x.plat': unknown platform 'beos'"),
        (#"{"entries":[{"id":"x.plat2","severity":"error","title":"t","match":{"logIds":[1],"platforms":["dos"]}}]}"#, "entry 'x.plat2': unknown platform 'dos'"),
        (#"{"entries":[{"id":"x.key","severity":"error","title":"t","match":{"messagePatern":"a"}}]}"#, "entry 'x.key': unknown match key 'messagePatern'"),
        (#"{"entries":[{"id":"x.ids","severity":"error","title":"t","match":{"logIds":["20557"]}}]}"#, "entry 'x.ids': logIds must be a list of integers"),
        ("{not json", "bad.json: not valid JSON"),
    ])
    func validation(json: String, message: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("bad.json", json)
        do {
            _ = try DiagnosticCatalog.load(directories: [dir.url])
            Issue.record("loading should fail")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains("bad.json"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("the same id in two files of one directory is an error")
    func duplicateAcrossFiles() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let entry = #"{"entries":[{"id":"x.same","severity":"info","title":"t"}]}"#
        try dir.write("a.json", entry)
        try dir.write("b.json", entry)
        #expect(throws: CatalogError.self) { try DiagnosticCatalog.load(directories: [dir.url]) }
    }

    @Test("a user catalog entry overrides the built-in one")
    func userOverride() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("mine.json", #"""
            {"entries":[{"id":"dbpath.missing","severity":"warning","title":"Our own wording for {dbpath}",
              "match":{"codeNames":["NonExistentPath"],"messagePattern":"Data directory (?<dbpath>.+?) not found"},
              "fixes":{"linux":[{"id":"ops.ticket","summary":"Ask ops","commands":["ticket create {dbpath}"]}]}}]}
            """#)
        let catalog = try DiagnosticCatalog.load(directories: [Fixtures.diagnosticsDirectory, dir.url])
        #expect(catalog.overrides["dbpath.missing"]?.hasSuffix("mine.json") == true)
        let analysis = try MongodLogAnalyzer(catalog: catalog, platform: .linux).analyze(Fixtures.missingDbpathLinux, source: "m")
        let finding = try #require(analysis.findings.first { $0.id == "dbpath.missing" })
        #expect(finding.severity == .warning)
        #expect(finding.title == "Our own wording for /data/db")
        #expect(finding.fixes.map(\.commands) == [["ticket create /data/db"]])
    }

    /// Found by the `catalog` fuzz target: Foundation copies a pattern past 256 UTF-16 units out of its
    /// stack buffer (and leaks the copy, suppressed in scripts/lsan.supp); the pattern must still compile
    /// and capture.
    @Test("a messagePattern longer than 256 characters loads and captures its group")
    func longPattern() throws {
        let pattern = #"Data directory (?<dbpath>\\S+) not found"# + String(repeating: "(?:, really)?", count: 25)
        #expect(pattern.utf16.count > 300)
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("long.json", #"""
            {"entries":[{"id":"dbpath.missing","severity":"warning","title":"Long pattern for {dbpath}",
              "match":{"codeNames":["NonExistentPath"],"messagePattern":"\#(pattern)"}}]}
            """#)
        let catalog = try DiagnosticCatalog.load(directories: [Fixtures.diagnosticsDirectory, dir.url])
        let analysis = try MongodLogAnalyzer(catalog: catalog, platform: .linux).analyze(Fixtures.missingDbpathLinux, source: "m")
        let finding = try #require(analysis.findings.first { $0.id == "dbpath.missing" })
        #expect(finding.title == "Long pattern for /data/db")
    }

    @Test("the locator prefers the environment variable, then finds the source tree")
    func locator() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let fromEnv = CatalogLocator(environment: ["MONGO_DOCTOR_CATALOG": dir.url.path], executable: nil)
        #expect(try fromEnv.builtInDirectory().path == dir.url.path)
        let missing = CatalogLocator(environment: ["MONGO_DOCTOR_CATALOG": "/no/such/dir"], executable: nil)
        #expect(throws: MongodDiagnosisError.catalogDirectoryMissing("/no/such/dir")) { try missing.builtInDirectory() }
        let fromSource = CatalogLocator(environment: [:], executable: nil)
        let found = try fromSource.builtInDirectory()
        #expect(FileManager.default.fileExists(atPath: found.appendingPathComponent("mongod-startup.json").path))
        #expect(try fromSource.directories(userCatalog: dir.url).last == dir.url)
    }

    @Test("the locator finds Diagnostics next to the executable and walking up from it, never from the working directory")
    func locatorNearExecutable() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let share = dir.url.appendingPathComponent("share/mongo-doctor/Diagnostics")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try dir.write("share/mongo-doctor/Diagnostics/mongod-startup.json", #"{"entries":[]}"#)
        let bin = dir.url.appendingPathComponent("bin/mongo-doctor")
        let locator = CatalogLocator(environment: [:], executable: bin, sourceFile: "/nowhere/a/b/c.swift")
        #expect(try locator.builtInDirectory().standardizedFileURL.path == share.standardizedFileURL.path)
        // A development build: .build/debug/mongo-doctor finds the repository's Diagnostics/ by walking up.
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("Diagnostics"), withIntermediateDirectories: true)
        try dir.write("Diagnostics/mongod-startup.json", #"{"entries":[]}"#)
        let devBinary = dir.url.appendingPathComponent(".build/debug/mongo-doctor")
        let walking = CatalogLocator(environment: [:], executable: devBinary, sourceFile: "/nowhere/a/b/c.swift")
        #expect(try walking.builtInDirectory().standardizedFileURL.path
            == dir.url.appendingPathComponent("Diagnostics").standardizedFileURL.path)
        let nowhere = CatalogLocator(environment: [:], executable: nil, sourceFile: "/nowhere/a/b/c.swift")
        #expect(throws: MongodDiagnosisError.self) { try nowhere.builtInDirectory() }
    }
}
