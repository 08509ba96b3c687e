import Foundation
import Testing
import TestSupport

@testable import MongoBridge

/// The handshake names the application that configured it, and only before first use.
@Suite struct HandshakeConfigurationTests {
    init() { TestRuntime.configureOnce() }

    @Test func initialisationReceivesTheConfiguredMetadata() throws {
        let received = Recorder<String>()
        let setup = RuntimeSetup { received.add($0?.description ?? "none") }
        #expect(setup.metadata == nil)
        try setup.configure(HandshakeMetadata(appName: "webshop", version: "2.1.0"))
        try setup.configure(HandshakeMetadata(appName: "webshop", version: "2.1.0"))  // same again: fine
        #expect(setup.metadata == HandshakeMetadata(appName: "webshop", version: "2.1.0"))
        setup.ensureInitialized()
        setup.ensureInitialized()
        #expect(received.all == ["webshop 2.1.0"])  // exactly once, with the configured values
        let late = #expect(throws: MongoError.self) { try setup.configure(HandshakeMetadata(appName: "other", version: "1")) }
        #expect(late?.code == MongoError.BridgeCode.alreadyInitialized)
    }

    @Test func configuringAfterAnUnconfiguredStartIsRefused() {
        let setup = RuntimeSetup { _ in }
        setup.ensureInitialized()
        #expect(setup.metadata == nil)
        #expect(throws: MongoError.self) { try setup.configure(HandshakeMetadata(appName: "late", version: "1")) }
    }

    @Test func processRuntimeKeepsWhatThisTestProcessConfigured() throws {
        #expect(MongoRuntime.handshakeMetadata == HandshakeMetadata(appName: TestRuntime.appName, version: TestRuntime.version))
        #expect(throws: MongoError.self) { try MongoRuntime.configure(appName: "someone-else", version: "0") }
    }

    @Test(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
    func serverSeesTheConfiguredNameAndVersion() throws {
        let client = try MongoClient(uri: MongoURI(try TestServer.requireURI()))
        let reply = try client.runCommand(["currentOp": 1])
        // Our own currentOp is in the list, with the metadata of this connection's handshake.
        let ops = reply["inprog"]?.arrayValue?.compactMap(\.documentValue) ?? []
        let mine = try #require(ops.first { $0.value(atPath: "command.currentOp") != nil })
        let driver = try #require(mine.value(atPath: "clientMetadata.driver")?.documentValue)
        #expect(driver["name"]?.stringValue?.contains(TestRuntime.appName) == true, "\(driver)")
        #expect(driver["version"]?.stringValue?.contains(TestRuntime.version) == true, "\(driver)")
    }
}
