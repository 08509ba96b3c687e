import MongoBridge
import Testing

/// Which libmongoc and server errors are transient (the same idempotent operation may be sent again).
@Suite struct MongoErrorTransientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var domain: UInt32, code: UInt32, reply: BSONDocument? = nil, transient: Bool
        var testDescription: String { "\(domain)/\(code)\(reply == nil ? "" : " with a reply") → \(transient)" }
    }

    static let stream = MongoError.Domain.stream, server = MongoError.Domain.server, concern = MongoError.Domain.writeConcern
    static let labelled: BSONDocument = ["errorLabels": ["RetryableWriteError"]]
    static let concernErrors: BSONDocument = ["writeConcernErrors": [["code": 91], ["code": 189]]]
    static let mixedConcernErrors: BSONDocument = ["writeConcernErrors": [["code": 91], ["code": 100]]]

    static let cases: [Case] = [
        // A connection that dropped, was closed, refused or not made; no server selectable.
        Case(domain: stream, code: 4, transient: true), Case(domain: stream, code: 5, transient: true),
        Case(domain: stream, code: 3, transient: true), Case(domain: stream, code: 6, transient: true),
        Case(domain: MongoError.Domain.serverSelection, code: 13053, transient: true),
        // The retryable-writes codes, as command errors and as write concern errors.
        Case(domain: server, code: 91, transient: true), Case(domain: server, code: 189, transient: true),
        Case(domain: server, code: 11600, transient: true), Case(domain: server, code: 10107, transient: true),
        Case(domain: server, code: 13435, transient: true), Case(domain: server, code: 6, transient: true),
        Case(domain: server, code: 7, transient: true), Case(domain: server, code: 89, transient: true),
        Case(domain: server, code: 9001, transient: true),
        Case(domain: concern, code: 91, transient: true), Case(domain: concern, code: 64, transient: false),
        // The server's label decides for a code not in the list; so do a bulk reply's write concern errors.
        Case(domain: server, code: 50, reply: labelled, transient: true),
        Case(domain: server, code: 64, reply: concernErrors, transient: true),
        Case(domain: server, code: 64, reply: mixedConcernErrors, transient: false),
        // Refused: a bad value, a failed validation, unauthorized, a duplicate key; the bridge; bad arguments.
        Case(domain: server, code: 2, transient: false), Case(domain: server, code: 121, transient: false),
        Case(domain: server, code: 13, transient: false), Case(domain: server, code: 11000, transient: false),
        Case(domain: MongoError.Domain.bridge, code: 0, transient: false), Case(domain: MongoError.Domain.command, code: 22, transient: false),
        Case(domain: MongoError.Domain.client, code: 11, transient: false), Case(domain: stream, code: 1, transient: false),
    ]

    @Test(arguments: cases)
    func classifies(_ c: Case) {
        #expect(MongoError(domain: c.domain, code: c.code, message: "", reply: c.reply).isTransient == c.transient)
    }
}
