import DoctorCore
import Testing

/// Catalog commands are written for a normal account; a root reader gets them without `sudo`.
@Suite("command elevation")
struct CommandElevationTests {
    @Test("a root reader's catalog lines lose every sudo that begins a command", arguments: [
        ("sudo chown -R mongodb /data/db", Platform.linux, "chown -R mongodb /data/db"),
        ("sudo mkdir -p /data/db && sudo chown alice /data/db", .linux, "mkdir -p /data/db && chown alice /data/db"),
        ("echo never | sudo tee /sys/kernel/mm/transparent_hugepage/enabled", .linux, "echo never | tee /sys/kernel/mm/transparent_hugepage/enabled"),
        ("openssl rand -base64 756 | sudo tee /etc/mongo/keyfile > /dev/null", .linux, "openssl rand -base64 756 | tee /etc/mongo/keyfile > /dev/null"),
        ("sudo -u mongodb mongod --dbpath /data/db --repair", .linux, "runuser -u mongodb -- mongod --dbpath /data/db --repair"),
        ("sudo -u _mongodb mongod --repair", .macos, "sudo -u _mongodb mongod --repair"),
        ("sudo -u root mongod --repair", .linux, "mongod --repair"),
        ("ls -ld /data/db; sudo rm /tmp/mongodb-27017.sock", .linux, "ls -ld /data/db; rm /tmp/mongodb-27017.sock"),
        ("grep -n sudo /etc/mongod.conf", .linux, "grep -n sudo /etc/mongod.conf"),
        ("ls -ld /tmp", .linux, "ls -ld /tmp"),
    ])
    func rootRewrite(_ line: String, _ platform: Platform, _ expected: String) {
        #expect(CommandElevation.root.rewrite(line, platform: platform) == expected)
        #expect(CommandElevation.sudo.rewrite(line, platform: platform) == line, "a normal reader sees the catalog's line")
    }

    @Test("argv forms: elevated and run as another user")
    func argvForms() {
        #expect(CommandElevation.sudo.elevated(["chown", "mongodb", "/data/db"]) == ["sudo", "chown", "mongodb", "/data/db"])
        #expect(CommandElevation.root.elevated(["chown", "mongodb", "/data/db"]) == ["chown", "mongodb", "/data/db"])
        #expect(CommandElevation.sudo.runAs("mongodb", ["mongod"], platform: .linux) == ["sudo", "-u", "mongodb", "mongod"])
        #expect(CommandElevation.root.runAs("mongodb", ["mongod"], platform: .linux) == ["runuser", "-u", "mongodb", "--", "mongod"])
    }

    @Test("only a root reader on this machine's platform counts as root")
    func readerOnThisPlatform() {
        #expect(CommandElevation.forReader(isRoot: false, platform: .current) == .sudo)
        let other: Platform = Platform.current == .linux ? .macos : .linux
        #expect(CommandElevation.forReader(isRoot: true, platform: other) == .sudo)
        #expect(CommandElevation.forReader(isRoot: true, platform: .windows) == .sudo)
        #expect(CommandElevation.forReader(isRoot: true, platform: .current) == (Platform.current == .windows ? .sudo : .root))
    }
}
