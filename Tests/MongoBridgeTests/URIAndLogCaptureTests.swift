import MongoBridge
import Testing
import TestSupport

/// libmongoc's URI parsing errors keep their domain and code, and its log output is captured.
@Suite struct URIAndLogCaptureTests {
    init() { TestRuntime.configureOnce() }

    @Test func invalidURIKeepsDomainAndCode() {
        let error = #expect(throws: MongoError.self) { try MongoURI("postgres://localhost") }
        #expect(error?.domain == MongoError.Domain.command)
        #expect(error?.code == 22)
        #expect(error?.rawMessage.contains("Invalid URI Schema") == true)
    }

    @Test func unknownOptionWarningIsCapturedNotPrinted() throws {
        let mark = MongoLogCapture.shared.mark()
        _ = try MongoURI("mongodb://localhost/?retryWrite=true")
        let logged = MongoLogCapture.shared.entries(since: mark)
        #expect(logged.contains { $0.level == .warning && $0.rawMessage.lowercased().contains("retrywrite") })
    }

    @Test func parsedURIExposesWhatTheDriverSees() throws {
        let uri = try MongoURI("mongodb://app:pw@db1:27018,db2/shop?replicaSet=rs0&tls=true")
        #expect(uri.hosts == ["db1:27018", "db2:27017"])
        #expect(uri.username == "app")
        #expect(uri.database == "shop")
        #expect(uri.authSource == "shop")  // path database is the default authSource
        #expect(uri.replicaSet == "rs0")
        #expect(uri.usesTLS)
    }

    @Test func passwordWithAtIsSilentlySplitByLibmongoc() throws {
        // The trap behind uri.unescaped-at: libmongoc splits at the first '@'.
        let uri = try MongoURI("mongodb://user:p@ss@localhost:27017/")
        #expect(uri.password == "p")
        #expect(uri.hosts == ["ss@localhost:27017"])
    }
}
