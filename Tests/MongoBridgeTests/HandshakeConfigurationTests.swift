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

    @Test func processRuntimeRefusesConfigurationOnceStarted() throws {
        MongoRuntime.ensureInitialized()
        // Whoever started libmongoc in this shared test process, the metadata is fixed from then on.
        let before = MongoRuntime.handshakeMetadata
        #expect(throws: MongoError.self) { try MongoRuntime.configure(appName: "someone-else", version: "0") }
        #expect(MongoRuntime.handshakeMetadata == before)
    }
}
