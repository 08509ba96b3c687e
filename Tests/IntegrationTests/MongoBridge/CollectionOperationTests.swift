import Foundation
import MongoBridge
import Testing
import TestSupport

/// CRUD, aggregation and index operations against the real test server.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct CollectionOperationTests {
    let client: MongoClient
    let db: MongoDatabase

    init() throws {
        TestRuntime.configureOnce()
        client = try MongoClient(uri: MongoURI(try TestServer.requireURI()))
        db = client.database(TestServer.uniqueDatabaseName())
    }

    @Test func insertFindSortProjectLimit() throws {
        let people = db.collection("people")
        try people.insertOne(["_id": 1, "name": "ada", "age": 36])
        try people.insertMany([["_id": 2, "name": "bob", "age": 25], ["_id": 3, "name": "cy", "age": 41]])
        let found = try people.find(["age": ["$gt": 30]], projection: ["name": 1, "_id": 0], sort: ["age": -1], limit: 5)
        #expect(found == [["name": "cy"], ["name": "ada"]])
        #expect(try people.find([:], sort: ["age": 1], limit: 1).first?["name"] == "bob")
        #expect(try people.countDocuments(["age": ["$lt": 40]]) == 2)
        #expect(try people.findOne(["_id": 99]) == nil)
        try db.drop()
    }

    @Test func orderedAndUnorderedBulkInsertReportDuplicateKeys() throws {
        let items = db.collection("items")
        try items.insertOne(["_id": 2])
        let batch: [BSONDocument] = [["_id": 1], ["_id": 2], ["_id": 3]]
        let ordered = #expect(throws: MongoError.self) { try items.insertMany(batch, ordered: true) }
        #expect(try items.countDocuments() == 2)  // stopped at the duplicate: 1 inserted, 3 not
        #expect(ordered?.reply?["writeErrors"]?.arrayValue?.count == 1)
        try items.delete([:], many: true)
        try items.insertOne(["_id": 2])
        let unordered = #expect(throws: MongoError.self) { try items.insertMany(batch, ordered: false) }
        #expect(try items.countDocuments() == 3)  // went past the duplicate
        #expect(unordered?.code == 11000)
        try db.drop()
    }

    @Test func updateUpsertDeleteAggregate() throws {
        let c = db.collection("c")
        try c.insertMany([["k": "a", "n": 1], ["k": "a", "n": 2], ["k": "b", "n": 3]])
        let one = try c.update(["k": "a"], with: ["$inc": ["n": 10]])
        #expect(one.matchedCount == 1 && one.modifiedCount == 1)
        let many = try c.update(["k": "a"], with: ["$set": ["seen": true]], many: true)
        #expect(many.modifiedCount == 2)
        let upserted = try c.update(["k": "z"], with: ["$set": ["n": 0]], upsert: true)
        #expect(upserted.upsertedId != nil)
        let sums = try c.aggregate([["$group": ["_id": "$k", "total": ["$sum": "$n"]]], ["$sort": ["_id": 1]]])
        #expect(sums.map { $0["_id"]?.stringValue } == ["a", "b", "z"])
        #expect(sums.first?["total"]?.intValue == 13)
        #expect(try c.delete(["k": "a"], many: true) == 2)
        #expect(try c.delete(["k": "nope"]) == 0)
        try db.drop()
    }

    @Test func aggregateFirstBatchAnswersLikeTheCursorAndKillsWhatItLeavesOpen() throws {
        let c = db.collection("many")
        try c.insertMany((0..<150).map { ["_id": .int32(Int32($0)), "even": .bool($0 % 2 == 0)] })
        let small: [BSONDocument] = [["$match": ["_id": ["$lt": 10], "even": true]], ["$sort": ["_id": -1]]]
        #expect(try c.aggregateFirstBatch(small) == c.aggregate(small))
        #expect(try c.aggregateFirstBatch([["$match": ["_id": -1]]]).isEmpty)
        let all = try c.aggregate([["$sort": ["_id": 1]]])
        let openBefore = try openCursors()
        for _ in 0..<20 {
            let first = try c.aggregateFirstBatch([["$sort": ["_id": 1]]])
            #expect(first.count < all.count && !first.isEmpty)  // one batch only (101 by the server's default)
            #expect(first == Array(all.prefix(first.count)))
        }
        #expect(try openCursors() - openBefore < 10)  // 20 left open would count 20; other tests' cursors close fast
        let failed = #expect(throws: MongoError.self) { try c.aggregateFirstBatch([["$nope": 1]]) }
        #expect(failed?.reply != nil)
        try db.drop()
    }

    private func openCursors() throws -> Int {
        try client.runCommand(["serverStatus": 1]).value(atPath: "metrics.cursor.open.total")?.intValue ?? 0
    }

    @Test func createCollectionWithValidatorCollModAndList() throws {
        try db.createCollection("users", options: [
            "validator": ["$jsonSchema": ["bsonType": "object", "required": ["email"]]],
            "validationAction": "error",
        ])
        #expect(try db.collectionNames().contains("users"))
        let rejected = #expect(throws: MongoError.self) { try db.collection("users").insertOne(["name": "no email"]) }
        #expect(rejected?.code == 121)  // DocumentValidationFailure, the server's own code
        try db.collMod("users", options: ["validationLevel": "off"])
        try db.collection("users").insertOne(["name": "no email"])
        let info = try db.listCollections(filter: ["name": "users"]).first
        #expect(info?.value(atPath: "options.validationLevel")?.stringValue == "off")
        let again = #expect(throws: MongoError.self) { try db.createCollection("users") }
        #expect(again?.serverCodeName == "NamespaceExists")
        try db.drop()
    }

    @Test func createListAndDropIndexes() throws {
        let sessions = db.collection("sessions")
        try sessions.insertOne(["_id": "s1", "user_id": "u1", "expires_at": .date(BSONDate(Date()))])
        try sessions.createIndexes([
            ["key": ["user_id": 1], "name": "user_id_1"],
            ["key": ["expires_at": 1], "name": "expires_at_ttl", "expireAfterSeconds": 0],
        ])
        let names = try sessions.listIndexes().compactMap { $0["name"]?.stringValue }.sorted()
        #expect(names == ["_id_", "expires_at_ttl", "user_id_1"])
        let ttl = try sessions.listIndexes().first { $0["name"] == "expires_at_ttl" }
        #expect(ttl?["expireAfterSeconds"]?.intValue == 0)
        try sessions.dropIndex("user_id_1")
        #expect(try !sessions.listIndexes().contains { $0["name"] == "user_id_1" })
        #expect(throws: MongoError.self) { try sessions.dropIndex("user_id_1") }
        try db.drop()
    }

    @Test func runCommandKeepsServerErrorAndReply() throws {
        let error = #expect(throws: MongoError.self) { try db.runCommand(["noSuchCommand": 1]) }
        #expect(error?.domain == MongoError.Domain.server)
        #expect(error?.serverCodeName == "CommandNotFound")
        #expect(error?.reply?["ok"]?.doubleValue == 0)
        let reply = try client.runCommand(["ping": 1])
        #expect(reply["ok"]?.doubleValue == 1)
    }
}
