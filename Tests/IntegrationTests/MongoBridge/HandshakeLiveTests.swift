import MongoBridge
import Testing
import TestSupport

/// The server sees the handshake metadata this process's runtime took.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct HandshakeLiveTests {
    init() { TestRuntime.configureOnce() }

    @Test
    func serverSeesTheConfiguredNameAndVersion() throws {
        let client = try MongoClient(uri: MongoURI(try TestServer.requireURI()))
        let reply = try client.runCommand(["currentOp": 1])
        // Our own currentOp is in the list, with the metadata of this connection's handshake.
        let ops = reply["inprog"]?.arrayValue?.compactMap(\.documentValue) ?? []
        let mine = try #require(ops.first { $0.value(atPath: "command.currentOp") != nil })
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
