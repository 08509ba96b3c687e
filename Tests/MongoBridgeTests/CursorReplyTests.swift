import Testing
import TestSupport

@testable import MongoBridge

/// `CursorReply` reads `cursor.firstBatch` and `cursor.id` in place, whatever else the reply holds,
/// and names what is missing or malformed.
@Suite struct CursorReplyTests {
    init() { TestRuntime.configureOnce() }

    static let session: BSONDocument = ["_id": "abc", "userDocs": [["_id": "u1", "username": "ada"]]]

    @Test("the batch and the id are read, in any field order, with whatever else is in the reply", arguments: [
        (["cursor": ["firstBatch": [.document(session)], "id": .int64(0), "ns": "auth.sessions"], "ok": 1.0], [session], 0),
        (["ok": 1.0, "cursor": ["ns": "a.b", "id": .int64(42), "firstBatch": [.document(session), ["_id": 2]]], "operationTime": .timestamp(BSONTimestamp(seconds: 1, increment: 2))],
         [session, ["_id": 2]], 42),
        (["cursor": ["id": .int32(7), "firstBatch": []]], [], 7),
        (["cursor": ["firstBatch": []]], [], 0),
    ] as [(BSONDocument, [BSONDocument], Int64)])
    func reads(reply: BSONDocument, batch: [BSONDocument], id: Int64) throws {
        let read = try reply.withBSONPointer { try CursorReply.read($0) }
        #expect(read.firstBatch == batch)
        #expect(read.cursorID == id)
    }

    @Test("a reply without the cursor's batch, or with a non-document in it, is a bridge error naming it", arguments: [
        (["ok": 1.0], "no cursor.firstBatch"),
        (["cursor": "not a document"], "no cursor.firstBatch"),
        (["cursor": ["id": .int64(0)]], "no cursor.firstBatch"),
        (["cursor": ["firstBatch": ["x": 1]]], "no cursor.firstBatch"),
        (["cursor": ["firstBatch": [["_id": 1], 5]]], "holds a non-document"),
    ] as [(BSONDocument, String)])
    func refuses(reply: BSONDocument, message: String) throws {
        let error = #expect(throws: MongoError.self) { try reply.withBSONPointer { try CursorReply.read($0) } }
        #expect(error?.domain == 0)
        #expect(error?.rawMessage.contains(message) == true, "\(String(describing: error?.rawMessage))")
    }
}
