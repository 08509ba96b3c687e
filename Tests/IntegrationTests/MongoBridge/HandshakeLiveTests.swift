import Foundation
import MongoBridge
import Testing
import TestSupport

/// The server sees the handshake metadata this process's runtime took.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct HandshakeLiveTests {
    init() { TestRuntime.configureOnce() }

    @Test
    func serverSeesTheConfiguredNameAndVersion() throws {
        // An application name of this test's own: other processes run currentOp at the same time (the
        // connection counter of SessionLoadTests' authstore-load), and their op must not be taken for ours.
        let marker = "handshake-live-\(UUID().uuidString.prefix(8).lowercased())"
        let base = try TestServer.requireURI()
        let client = try MongoClient(uri: MongoURI(base + (base.contains("?") ? "&" : "?") + "appName=\(marker)"))
        let reply = try client.runCommand(["currentOp": 1])
        // Our own currentOp is in the list, with the metadata of this connection's handshake.
        let ops = reply["inprog"]?.arrayValue?.compactMap(\.documentValue) ?? []
        let mine = try #require(ops.first {
            $0.value(atPath: "command.currentOp") != nil && $0.value(atPath: "clientMetadata.application.name")?.stringValue == marker
        }, "\(ops)")
        let driver = try #require(mine.value(atPath: "clientMetadata.driver")?.documentValue)
        // Another suite may have started libmongoc before this one configured it: then nothing was
        // appended, and the server must see libmongoc's own name without ours.
        if let configured = MongoRuntime.handshakeMetadata {
            #expect(driver["name"]?.stringValue?.contains(configured.appName) == true, "\(driver)")
            #expect(driver["version"]?.stringValue?.contains(configured.version) == true, "\(driver)")
        } else {
            #expect(driver["name"]?.stringValue?.hasPrefix("mongoc") == true, "\(driver)")
            #expect(driver["name"]?.stringValue?.contains(TestRuntime.appName) == false, "\(driver)")
        }
    }
}
