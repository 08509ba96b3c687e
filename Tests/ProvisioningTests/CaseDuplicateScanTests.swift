import MongoBridge
@testable import Provisioning
import Testing

/// When `provision` scans every user for usernames that differ only in case before it plans the unique
/// username index: never behind the index it builds itself; without any index on `username` only when
/// asked (a dry run: applying, the server's refusal of the index is what starts the scan); behind an
/// index with other options always, since `--replace-conflicting` would drop it first.
@Suite struct CaseDuplicateScanTests {
    static let ours: BSONDocument = ["key": ["username": 1], "name": "username_1", "unique": true,
                                     "collation": ["locale": "en", "strength": 2, "caseLevel": false]]
    static let idIndex: BSONDocument = ["key": ["_id": 1], "name": "_id_"]

    @Test(arguments: [
        ([ours], false, false),
        ([idIndex, ours], true, false),
        ([idIndex], true, true),
        ([idIndex], false, false),
        ([], true, true),
        ([["key": ["username": 1, "x": 1], "name": "username_1_x_1", "unique": true, "collation": ["locale": "en", "strength": 2]]], false, false),
        ([["key": ["username": 1], "name": "username_1", "unique": true]], false, true),
        ([["key": ["username": 1], "name": "username_1", "collation": ["locale": "en", "strength": 2]]], false, true),
        ([["key": ["username": 1], "name": "username_1", "unique": true, "collation": ["locale": "en", "strength": 3]]], false, true),
        ([["key": ["username": 1], "name": "u", "unique": true, "collation": ["locale": "en", "strength": 2],
           "partialFilterExpression": ["username": ["$type": "string"]]]], false, true),
    ] as [([BSONDocument], Bool, Bool)])
    func theScanRunsOnlyWhereTheIndexCannotSettleIt(indexes: [BSONDocument], withoutIndex: Bool, scans: Bool) {
        #expect(MongoStateReader.needsCaseDuplicateScan(indexes, withoutIndex: withoutIndex) == scans)
    }
}
