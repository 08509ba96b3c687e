import DoctorChecks
import MongoBridge
import Testing

/// `AuthStoreIndexRule.classify`: what `listIndexes` documents (as a server returns them) mean for each
/// index the auth store needs.
@Suite struct AuthStoreIndexRuleTests {
    static let rules = AuthStoreIndexRule.v3(users: "users", sessions: "sessions")
    static let userID = rules[0], ttl = rules[1], username = rules[2]
    static let idIndex: BSONDocument = ["v": 2, "key": ["_id": 1], "name": "_id_"]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let rule: AuthStoreIndexRule
        let indexes: [BSONDocument]
        let expected: AuthStoreIndexState
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "only _id: missing", rule: userID, indexes: [idIndex], expected: .missing),
        Case(name: "user_id ascending", rule: userID, indexes: [idIndex, ["v": 2, "key": ["user_id": 1], "name": "user_id_1"]], expected: .present),
        Case(name: "user_id as a double 1.0 still ascending", rule: userID, indexes: [["key": ["user_id": 1.0], "name": "u"]], expected: .present),
        Case(name: "user_id descending is other keys: missing", rule: userID, indexes: [["key": ["user_id": -1], "name": "user_id_-1"]], expected: .missing),
        Case(name: "compound user_id, expires_at is other keys", rule: userID,
             indexes: [["key": ["user_id": 1, "expires_at": 1], "name": "c"]], expected: .missing),
        Case(name: "unique user_id conflicts", rule: userID, indexes: [["key": ["user_id": 1], "name": "uid", "unique": true]],
             expected: .conflict(name: "uid", options: "unique")),
        Case(name: "TTL 0", rule: ttl, indexes: [["key": ["expires_at": 1], "name": "expires_at_1", "expireAfterSeconds": 0]], expected: .present),
        Case(name: "expires_at without TTL conflicts", rule: ttl, indexes: [["key": ["expires_at": 1], "name": "expires_at_1"]],
             expected: .conflict(name: "expires_at_1", options: "no options")),
        Case(name: "TTL 3600 conflicts", rule: ttl, indexes: [["key": ["expires_at": 1], "name": "e", "expireAfterSeconds": 3600]],
             expected: .conflict(name: "e", options: "expireAfterSeconds 3600")),
        Case(name: "unique username, collation strength 2", rule: username,
             indexes: [["key": ["username": 1], "name": "username_1", "unique": true, "collation": ["locale": "en", "strength": 2]]], expected: .present),
        Case(name: "unique username without collation conflicts", rule: username,
             indexes: [["key": ["username": 1], "name": "username_1", "unique": true]], expected: .conflict(name: "username_1", options: "unique")),
        Case(name: "simple collation is no collation", rule: username,
             indexes: [["key": ["username": 1], "name": "n", "unique": true, "collation": ["locale": "simple"]]], expected: .conflict(name: "n", options: "unique")),
        Case(name: "strength 1 is not strength 2", rule: username,
             indexes: [["key": ["username": 1], "name": "n", "unique": true, "collation": ["locale": "en", "strength": 1]]],
             expected: .conflict(name: "n", options: "unique, collation strength 1")),
        Case(name: "collation without unique conflicts", rule: username,
             indexes: [["key": ["username": 1], "name": "n", "collation": ["locale": "en", "strength": 2]]],
             expected: .conflict(name: "n", options: "collation strength 2")),
        Case(name: "a right index next to a wrong one is present", rule: username,
             indexes: [["key": ["username": 1], "name": "plain"],
                       ["key": ["username": 1], "name": "ci", "unique": true, "collation": ["locale": "fr", "strength": 2]]], expected: .present),
        Case(name: "partial unique username conflicts", rule: username,
             indexes: [["key": ["username": 1], "name": "p", "unique": true, "collation": ["locale": "en", "strength": 2],
                        "partialFilterExpression": ["username": ["$exists": true]]]],
             expected: .conflict(name: "p", options: "unique, collation strength 2, partialFilterExpression")),
    ]

    @Test(arguments: cases) func classify(_ example: Case) {
        #expect(example.rule.classify(example.indexes) == example.expected)
    }

    @Test func keysAndOptionsAsText() {
        #expect(Self.userID.keysText == "{user_id: 1}")
        #expect(Self.ttl.optionsText == "expireAfterSeconds 0")
        #expect(Self.username.optionsText == "unique, collation strength 2")
        #expect(Self.userID.optionsText == "no options")
        #expect(AuthStoreIndexRule.v3(users: "auth_users", sessions: "auth_sessions").map(\.collection) == ["auth_sessions", "auth_sessions", "auth_users"])
    }
}
