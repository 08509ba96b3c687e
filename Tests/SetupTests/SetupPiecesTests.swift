import DoctorCore
import Foundation
import LocalMongod
import Setup
import Testing

/// The configuration template and the service-manager detection.
@Suite struct SetupPiecesTests {
    @Test(arguments: [
        (Platform.linux, nil as String?, "/var/lib/mongodb", "/var/log/mongodb/mongod.log"),
        (.linux, "/srv/app/db", "/srv/app/db", "/srv/app/mongod.log"),
        (.linux, "/db", "/db", "/mongod.log"),
        (.macos, nil, "/opt/homebrew/var/mongodb", "/opt/homebrew/var/log/mongodb/mongo.log"),
        (.windows, #"D:\mongo\data"#, #"D:\mongo\data"#, #"D:\mongo\mongod.log"#),
    ])
    func templateDefaults(platform: Platform, dbPath: String?, expectedDB: String, expectedLog: String) {
        let template = MongodConfigTemplate.defaults(platform: platform, dbPath: dbPath, port: 28017)
        #expect(template.dbPath == expectedDB && template.logPath == expectedLog && template.port == 28017)
        #expect(template.text.contains("bindIp: 127.0.0.1"))
        #expect(template.text.contains("port: 28017"))
    }

    @Test func windowsPathsAreEscapedInYAML() {
        let text = MongodConfigTemplate(dbPath: #"C:\data\db"#, logPath: #"C:\data\log\mongod.log"#, port: 27017).text
        #expect(text.contains(#"dbPath: "C:\\data\\db""#))
    }

    @Test(arguments: [
        (Platform.linux, ["/run/systemd/system": true, "/lib/systemd/system/mongod.service": false], MongodStarter.systemd(unit: "/lib/systemd/system/mongod.service")),
        (.linux, ["/lib/systemd/system/mongod.service": false], .background),  // a unit, but systemd is not running
        (.linux, ["/run/systemd/system": true], .background),
        (.macos, ["/opt/homebrew/opt/mongodb-community/homebrew.mxcl.mongodb-community.plist": false], .brew(plist: "/opt/homebrew/opt/mongodb-community/homebrew.mxcl.mongodb-community.plist")),
        (.macos, [:], .background),
        (.windows, [:], .windowsService),
    ])
    func serviceDetection(platform: Platform, paths: [String: Bool], expected: MongodStarter) {
        #expect(MongodStarter.detect(platform: platform, files: DirectoryProbe(paths: paths)) == expected)
    }

    @Test func serviceCommands() {
        #expect(MongodStarter.systemd(unit: "x").serviceArgv(platform: .linux) == ["systemctl", "start", "mongod"])
        #expect(MongodStarter.brew(plist: "x").serviceArgv(platform: .macos) == ["brew", "services", "start", "mongodb-community"])
        #expect(MongodStarter.windowsService.serviceArgv(platform: .windows) == ["net", "start", "MongoDB"])
        #expect(MongodStarter.background.serviceArgv(platform: .linux) == nil)
    }
}

/// Paths that exist (`true`: a directory).
struct DirectoryProbe: FileSystemProbe {
    var paths: [String: Bool]
    func status(ofPath path: String) -> FileStatus? {
        paths[path].map { FileStatus(kind: $0 ? .directory : .regular, uid: 0, gid: 0, permissions: 0o644) }
    }
    func linkStatus(ofPath path: String) -> FileStatus? { status(ofPath: path) }
    func freeBytes(atPath path: String) -> UInt64? { nil }
    func contentsOfDirectory(atPath path: String) -> [String]? { nil }
    func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data { throw FileReadError(path: path, reason: "no") }
    func lockState(ofFile path: String) -> LockState { .free }
}
