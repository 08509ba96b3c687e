import DoctorCore
import Foundation
@testable import LocalMongod
import Testing

/// Who the reader is decides the form of an elevated command: `sudo` for a normal user, nothing for root
/// (a container's root shell often has no `sudo`), nothing for the service user itself.
@Suite("fix commands by who runs them")
struct FixCommandsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let platform: Platform
        let serviceUser: String
        let unprivileged: Bool
        let asRoot: Bool
        let chown: String
        let repair: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a normal user on Linux", platform: .linux, serviceUser: "mongodb", unprivileged: false, asRoot: false,
             chown: "sudo chown mongodb:mongodb /data/db", repair: "sudo -u mongodb mongod --repair"),
        Case(name: "root on Linux: no sudo, runuser for the service user", platform: .linux, serviceUser: "mongodb",
             unprivileged: false, asRoot: true,
             chown: "chown mongodb:mongodb /data/db", repair: "runuser -u mongodb -- mongod --repair"),
        Case(name: "root whose mongod runs as root", platform: .linux, serviceUser: "root", unprivileged: false, asRoot: true,
             chown: "chown root:mongodb /data/db", repair: "mongod --repair"),
        Case(name: "root on macOS keeps sudo -u (always installed there)", platform: .macos, serviceUser: "_mongodb",
             unprivileged: false, asRoot: true,
             chown: "chown _mongodb:mongodb /data/db", repair: "sudo -u _mongodb mongod --repair"),
        Case(name: "the service user itself", platform: .linux, serviceUser: "alice", unprivileged: true, asRoot: false,
             chown: "chown alice:mongodb /data/db", repair: "mongod --repair"),
    ]

    @Test(arguments: cases)
    func elevatedCommands(_ example: Case) {
        let commands = FixCommands(
            platform: example.platform, serviceUser: example.serviceUser, serviceGroup: "mongodb",
            unprivileged: example.unprivileged, elevation: example.asRoot ? .root : .sudo)
        #expect(commands.chown("/data/db") == [example.chown])
        #expect(commands.mongodAsServiceUser(["--repair"]) == example.repair)
        let sudo = example.chown.hasPrefix("sudo ")
        #expect(commands.startService().allSatisfy { $0.hasPrefix("sudo ") == sudo } || example.platform == .macos)
    }

    @Test("Windows commands never carry sudo, whoever runs them")
    func windowsHasNoSudo() {
        for asRoot in [false, true] {
            let commands = FixCommands(platform: .windows, serviceUser: "NETWORK SERVICE", serviceGroup: nil,
                                       unprivileged: false, elevation: asRoot ? .root : .sudo)
            #expect(commands.kill(42) == ["taskkill /PID 42"])
            #expect(!commands.createDirectory(#"C:\data\db"#).joined().contains("sudo"))
        }
    }

    @Test("commands for another platform than this one keep sudo: the reader's account there is unknown")
    func anotherPlatformKeepsSudo() {
        let other: Platform = Platform.current == .macos ? .linux : .macos
        let state = LocalState(setup: LocalSetup(serviceUser: "mongodb"), probes: .live)
        let settings = state.settings(in: CheckContext(platform: other))
        #expect(state.commands(settings).elevation == .sudo)
        let here = state.settings(in: CheckContext(platform: .current))
        #expect(state.commands(here).elevation == (geteuid() == 0 && Platform.current != .windows ? .root : .sudo))
    }
}
