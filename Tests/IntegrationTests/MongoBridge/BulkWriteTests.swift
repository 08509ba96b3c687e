import MongoBridge
import Testing
import TestSupport

/// `MongoCollection.bulkWrite` against the real test server: counts per kind of write, and the refused
/// operations by index with their code and key pattern.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct BulkWriteTests {
    let client: MongoClient
    let db: MongoDatabase

    init() throws {
        TestRuntime.configureOnce()
        client = try MongoClient(uri: MongoURI(try TestServer.requireURI()))
        db = client.database(TestServer.uniqueDatabaseName())
    }

    @Test func countsEveryKindOfWrite() throws {
        let c = db.collection("bulk")
        try c.insertOne(["_id": "a", "n": 1])
        let result = try c.bulkWrite([
            .insertOne(["_id": "b", "n": 2]),
            .replaceOne(filter: ["_id": "a"], replacement: ["_id": "a", "n": 10], upsert: false),
            .replaceOne(filter: ["_id": "c"], replacement: ["_id": "c", "n": 3], upsert: true),
            .updateOne(filter: ["_id": "b"], update: ["$set": ["m": true]], upsert: false),
            .deleteOne(filter: ["_id": "zzz"]),
        ])
        #expect(result.insertedCount == 1 && result.matchedCount == 2 && result.modifiedCount == 2 && result.upsertedCount == 1 && result.deletedCount == 0)
        #expect(result.writeErrors.isEmpty)
        #expect(try c.find([:], sort: ["_id": 1]) == [["_id": "a", "n": 10], ["_id": "b", "n": 2, "m": true], ["_id": "c", "n": 3]])
        try db.drop()
    }

    @Test func unorderedGoesOnAndNamesTheRefusedOperations() throws {
        let c = db.collection("users")
        try c.createIndexes([["key": ["username": 1], "name": "username_1", "unique": true, "collation": ["locale": "en", "strength": 2]]])
        try c.insertOne(["_id": "a", "username": "Alice"])
        let result = try c.bulkWrite([
            .insertOne(["_id": "a", "username": "zed"]),
            .insertOne(["_id": "b", "username": "ALICE"]),
            .insertOne(["_id": "c", "username": "carol"]),
        ], ordered: false)
        #expect(result.insertedCount == 1)
        #expect(result.writeErrors.map(\.index) == [0, 1])
        #expect(result.writeErrors.allSatisfy { $0.code == 11000 })
        #expect(result.writeErrors[1].keyPattern == ["username": 1] && !result.writeErrors[1].isDuplicateID)
        #expect(try c.countDocuments() == 2)

        let ordered = try c.bulkWrite([.insertOne(["_id": "c", "username": "x"]), .insertOne(["_id": "d", "username": "dan"])], ordered: true)
        #expect(ordered.insertedCount == 0 && ordered.writeErrors.map(\.index) == [0])
        try db.drop()
    }

    @Test func anEmptyBatchSendsNothing() throws {
        #expect(try db.collection("none").bulkWrite([]) == BulkWriteResult())
        #expect(try !db.collectionNames().contains("none"))
    }
}
