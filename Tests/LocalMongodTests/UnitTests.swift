import DoctorCore
import Foundation
@testable import LocalMongod
import Testing

@Suite("pure helpers")
struct UnitTests {
    @Test(
        "severity policy",
        arguments: [
            (Provenance.flag, Bool?.none, Severity.error, Severity?.some(.error)),
            (.flag, true, .error, .error),
            (.config, true, .error, .error),
            (.default, true, .error, nil),
            (.default, nil, .error, .warning),
            (.default, nil, .info, .info),
            (.default, false, .error, .error),
        ])
    func policy(_ provenance: Provenance, _ answers: Bool?, _ base: Severity, _ expected: Severity?) {
        #expect(SeverityPolicy.severity(base, for: provenance, serverAnswers: answers) == expected)
    }

    @Test(
        "argv quoting",
        arguments: [
            (["mkdir", "-p", "/data/db"], Platform.linux, "mkdir -p /data/db"),
            (["chown", "-R", "mongodb:mongodb", "/srv/my data"], .linux, "chown -R mongodb:mongodb '/srv/my data'"),
            (["rm", "/tmp/it's;here"], .macos, #"rm '/tmp/it'\''s;here'"#),
            (["ss", "-ltnp", "sport = :27017"], .linux, "ss -ltnp 'sport = :27017'"),
            (["mkdir", #"C:\data\db"#], .windows, #"mkdir C:\data\db"#),
            (["mkdir", #"C:\Program Files\MongoDB"#], .windows, #"mkdir "C:\Program Files\MongoDB""#),
            (["echo", "a&b"], .windows, #"echo "a&b""#),
            (["echo", ""], .linux, "echo ''"),
        ])
    func quoting(_ argv: [String], _ platform: Platform, _ expected: String) {
        #expect(ShellQuoting.render(argv, for: platform) == expected)
    }

    @Test(
        "mode strings",
        arguments: [
            (FileKind.directory, UInt32(0o755), "drwxr-xr-x"), (.regular, 0o600, "-rw-------"),
            (.socket, 0o777, "srwxrwxrwx"), (.directory, 0o1777, "drwxrwxrwt"), (.regular, 0o4644, "-rwSr--r--"),
        ])
    func modeString(_ kind: FileKind, _ permissions: UInt32, _ expected: String) {
        let status = FileStatus(kind: kind, uid: 0, gid: 0, permissions: permissions)
        #expect(FileDescription.modeString(status) == expected)
    }

    @Test(
        "permission evaluation for another user",
        arguments: [
            (UInt32(0o755), UInt32(0), UInt32(0), FileAccess.write, false),
            (0o755, 0, 0, .read, true),
            (0o750, 0, 65534, .read, true),
            (0o700, 65534, 0, FileAccess([.write, .execute]), true),
            (0o070, 65534, 0, .read, false),
            (0o707, 0, 0, .write, true),
        ])
    func permissions(_ mode: UInt32, _ owner: UInt32, _ group: UInt32, _ access: FileAccess, _ expected: Bool) {
        let user = UserIdentity(name: "nobody", uid: 65534, gid: 65534)
        let status = FileStatus(kind: .directory, uid: owner, gid: group, permissions: mode)
        #expect(AccessEvaluator.allows(status, access, user) == expected)
    }

    @Test("root may read and write anything but not run a non-executable file")
    func rootAccess() {
        let root = UserIdentity(name: "root", uid: 0, gid: 0)
        let file = FileStatus(kind: .regular, uid: 1, gid: 1, permissions: 0o600)
        #expect(AccessEvaluator.allows(file, [.read, .write], root))
        #expect(!AccessEvaluator.allows(file, .execute, root))
    }

    @Test("listening sockets are read from /proc/net/tcp text")
    func procNet() {
        let text = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:6989 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 424242 1 0000000000000000 100 0 0 10 0
               1: 0100007F:6989 0100007F:C350 01 00000000:00000000 00:00000000 00000000   999        0 515151 1 0000000000000000 20 4 30 10 -1
               2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 616161 1 0000000000000000 100 0 0 10 0
            """
        #expect(ProcNet.listeningInodes(port: 27017, in: text) == [424242])
        #expect(ProcNet.listeningInodes(port: 8080, in: text) == [616161])
        #expect(ProcNet.listeningInodes(port: 27018, in: text).isEmpty)
    }

    @Test("lock holders are read from /proc/locks text")
    func procLocks() {
        let text = """
            1: POSIX  ADVISORY  WRITE 5922 fe:00:5334927 0 0
            2: FLOCK  ADVISORY  WRITE 777 fe:00:123 0 EOF
            2: -> FLOCK  ADVISORY  WRITE 888 fe:00:123 0 EOF
            """
        #expect(ProcLocks.holder(inode: 123, device: 0, text: text) == 777)
        #expect(ProcLocks.holder(inode: 999, device: 0, text: text) == nil)
    }

    @Test("open-files soft limit from /proc/<pid>/limits")
    func limits() {
        let text = """
            Limit                     Soft Limit           Hard Limit           Units
            Max open files            1024                 524288               files
            """
        #expect(LiveProcessProbe.softOpenFiles(limitsText: text) == 1024)
        #expect(LiveProcessProbe.softOpenFiles(limitsText: "Max open files unlimited unlimited files") == UInt64.max)
    }

    @Test("mongod --version output", arguments: [
        ("db version v7.0.5\nBuild Info: {}", "7.0.5"), ("db version v8.0.0-rc1, something", "8.0.0-rc1"), ("sleep (GNU coreutils)", nil),
    ])
    func version(_ output: String, _ expected: String?) {
        #expect(BinaryLocator.version(in: output) == expected)
    }

    @Test("parent directories on both platforms", arguments: [
        ("/var/log/mongodb/mongod.log", Platform.linux, "/var/log/mongodb"), ("/mongod.log", .linux, "/"),
        (#"C:\Program Files\MongoDB\log\mongod.log"#, .windows, #"C:\Program Files\MongoDB\log"#),
        (#"C:\mongod.log"#, .windows, #"C:\"#),
    ])
    func parent(_ path: String, _ platform: Platform, _ expected: String) {
        #expect(PlatformDefaults.parent(of: path, on: platform) == expected)
    }
}

@Suite("process summaries")
struct ProcessSummaryTests {
    @Test(
        "password option values never reach evidence; a multi-line argument stays on one line",
        arguments: [
            (["mongod", "--tlsCertificateKeyFilePassword", "s3cret", "--port", "27017"],
             "pid 7 (mongod --tlsCertificateKeyFilePassword ***** --port 27017)"),
            (["mongod", "--setParameter=x", "--tlsCertificateKeyFilePassword=s3cret"],
             "pid 7 (mongod --setParameter=x --tlsCertificateKeyFilePassword=*****)"),
            (["node", "server.js", "--db", "mongodb://app:s3cret@db:27017/shop"],
             "pid 7 (node server.js --db mongodb://app:*****@db:27017/shop)"),
            (["redis-server", "--requirepass", "s3cret", "--port", "27017"],
             "pid 7 (redis-server --requirepass ***** --port 27017)"),
            (["app", "-p", "s3cret", "--api-token=s3cret", "--keyFile", "/etc/mongo.key"],
             "pid 7 (app -p ***** --api-token=***** --keyFile /etc/mongo.key)"),
            (["python3", "-c", "import http.server\nhttp.server.test()\t", "--password", "s3cret"],
             "pid 7 (python3 -c import http.server http.server.test()  --password *****)"),
        ])
    func masked(_ argv: [String], _ expected: String) {
        #expect(ProcessSnapshot(pid: 7, uid: 0, name: "mongod", arguments: argv).summary == expected)
    }
}
