import MongoBridge
import Testing

/// `MongoError.summary`: our words and the codes, a reason only from libmongoc's fixed phrases, and
/// nothing else of the message (it may quote a host, a user, a password).
@Suite struct MongoErrorSummaryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var domain: UInt32, code: UInt32, message: String, summary: String
        var testDescription: String { "\(domain)/\(code) → \(summary)" }
    }

    static let secret = "s3cr3t-Pw"

    static let cases: [Case] = [
        Case(domain: 15, code: 13053,
             message: "No suitable servers found (`serverSelectionTryOnce` set): [connection refused calling hello on '127.0.0.1:1']",
             summary: "no server could be selected: the connection was refused (MongoError 15/13053)"),
        Case(domain: 15, code: 13053, message: "No suitable servers found: `serverSelectionTimeoutMS` expired: [Failed to connect to target host: 127.0.0.1:1]",
             summary: "no server could be selected: no connection could be made (MongoError 15/13053)"),
        Case(domain: 15, code: 13053, message: "No suitable servers found: [connection timeout calling hello on 'db:27017']",
             summary: "no server could be selected: the connection attempt timed out (MongoError 15/13053)"),
        Case(domain: 15, code: 13053, message: "No suitable servers found: [Failed to resolve 'nowhere.invalid']",
             summary: "no server could be selected: the host name does not resolve (MongoError 15/13053)"),
        Case(domain: 15, code: 13053, message: "Timed out while waiting for \(secret)",
             summary: "no server could be selected (MongoError 15/13053)"),
        Case(domain: 2, code: 4, message: "Failed to send \"insert\" command: connection closed",
             summary: "the connection failed: the server closed the connection (MongoError 2/4)"),
        Case(domain: 1, code: 11, message: "Authentication failed for user app:\(secret)", summary: "authentication failed (MongoError 1/11)"),
        Case(domain: 17, code: 2, message: "BadValue: \(secret)", summary: "the server refused the command (MongoError 17/2)"),
        Case(domain: 16, code: 91, message: "injected", summary: "the server did not confirm the write concern (MongoError 16/91)"),
        Case(domain: 11, code: 22, message: "Invalid URI mongodb://app:\(secret)@h", summary: "MongoError 11/22"),
    ]

    @Test("each error in words, with its codes and never its message", arguments: cases)
    func summary(_ c: Case) {
        let error = MongoError(domain: c.domain, code: c.code, message: c.message)
        #expect(error.summary == c.summary)
        #expect(!error.summary.contains(Self.secret))
    }

    @Test("a server error's code name comes from its reply")
    func codeName() {
        let error = MongoError(domain: 17, code: 13, message: "not authorized", reply: ["code": 13, "codeName": "Unauthorized"])
        #expect(error.summary == "the server refused the command (MongoError 17/13 (Unauthorized))")
    }
}
