import AuthStore
import Foundation
import Migration
import MongoBridge
import Testing

/// The pure conversion of rows into Lucia v3 documents, with its typed skips.
@Suite struct MigrationConverterTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let nowMs: Int64 = 1_750_000_000_000
    static let day: Int64 = 86_400_000

    static func converter(_ unit: ExpiryUnit = .milliseconds, hash: Bool = false, keepExpired: Bool = false, inPlace: Bool = false) -> MigrationConverter {
        MigrationConverter(options: .init(sessions: SessionFormatPlan(format: hash ? .sha256 : .luciaV3, hashesIDs: hash), expiryUnit: unit,
                                          keepExpired: keepExpired, inPlace: inPlace, now: now))
    }

    // MARK: Expiry units

    @Test(arguments: [
        (BSONValue.int32(1_000), ExpiryUnit.milliseconds, Int64(1_000) as Int64?),
        (.int64(1_750_000_000_123), .milliseconds, 1_750_000_000_123),
        (.double(1_750_000_000_123.9), .milliseconds, 1_750_000_000_123),
        (.int64(1_750_000_000), .seconds, 1_750_000_000_000),
        (.int32(1_750_000_000), .seconds, 1_750_000_000_000),
        (.double(1_750_000_000.5), .seconds, 1_750_000_000_500),
        (.string("1750000000"), .seconds, 1_750_000_000_000),
        (.string(" 1750000000123 "), .milliseconds, 1_750_000_000_123),
        (.date(BSONDate(millisecondsSinceEpoch: 42)), .milliseconds, 42),
        (.string("soon"), .milliseconds, nil),
        (.null, .seconds, nil),
        (.double(.nan), .milliseconds, nil),
        (.double(.infinity), .seconds, nil),
        (.int64(-1), .milliseconds, nil),
        (.int64(253_402_300_800), .seconds, nil),
        (.binary(BSONBinary(bytes: [1])), .milliseconds, nil),
    ])
    func expiry(_ value: BSONValue, _ unit: ExpiryUnit, _ expected: Int64?) {
        #expect(MigrationConverter.milliseconds(value, unit: unit) == expected)
    }

    // MARK: Users

    static let s2 = "s2:salt:key"

    @Test func passwordUsernameAndEmailComeFromTheKeys() throws {
        var c = Self.converter()
        let user = SourceUser(row: "rowid 1", id: "u1", fields: [("age", .int64(3))], keys: [
            SourceKey(id: "github:42", userID: "u1", hashedPassword: .null),
            SourceKey(id: "email:a@example.com", userID: "u1", hashedPassword: "email-hash"),
            SourceKey(id: "username:alice", userID: "u1", hashedPassword: .string(Self.s2)),
        ])
        let converted = try c.convert(user).get()
        #expect(converted.document == ["_id": "u1", "age": .int64(3), "hashed_password": .string(Self.s2), "username": "alice", "email": "a@example.com"])
        #expect(converted.added == ["hashed_password": .string(Self.s2), "username": "alice", "email": "a@example.com"])
        #expect(converted.oauthAccounts == [["_id": "github:42", "provider_id": "github", "provider_user_id": "42", "user_id": "u1"]])
        #expect(c.conversions["password-from-key"] == 1 && c.conversions["oauth-account-from-key"] == 1)
    }

    @Test func aProviderUserIDKeepsItsColons() throws {
        var c = Self.converter()
        let converted = try c.convert(SourceUser(row: "r", id: "u", fields: [("username", "x")], keys: [SourceKey(id: "oidc:https://id.example:443/1", userID: "u", hashedPassword: nil)])).get()
        #expect(converted.oauthAccounts.first?["provider_user_id"] == "https://id.example:443/1")
    }

    @Test func existingAttributesAndHashesAreKept() throws {
        var c = Self.converter(inPlace: true)
        let user = SourceUser(row: "u1", id: "u1", fields: [("username", "Alice"), ("hashed_password", "$argon2id$rehashed"), ("__v", .int32(0))],
                              keys: [SourceKey(id: "username:alice", userID: "u1", hashedPassword: .string(Self.s2))])
        let converted = try c.convert(user).get()
        #expect(converted.added.isEmpty)
        #expect(converted.document["hashed_password"] == "$argon2id$rehashed")
        #expect(converted.document["username"] == "Alice")
    }

    @Test(arguments: [
        ([("hashed_password", BSONValue.string("h1"))], "h1", nil as String?),
        ([("password_hash", .string("h2"))], "h2", "password-from-column-password_hash"),
        ([("password", .string("h3"))], "h3", "password-from-column-password"),
        ([("hashed_password", .null), ("password_hash", .string("h4"))], "h4", "password-from-column-password_hash"),
    ])
    func passwordColumns(_ fields: [(String, BSONValue)], _ hash: String, _ conversion: String?) throws {
        var c = Self.converter(.seconds)
        let converted = try c.convert(SourceUser(row: "r", id: "u", fields: [("username", "u")] + fields)).get()
        #expect(converted.document["hashed_password"] == .string(hash))
        #expect(converted.document["password_hash"] == nil && converted.document["password"] == nil)
        if let conversion { #expect(c.conversions[conversion] == 1) }
    }

    @Test func theEmailBecomesTheUsernameWhenThereIsNone() throws {
        var c = Self.converter()
        let converted = try c.convert(SourceUser(row: "r", id: "u2", fields: [("username", .null)],
                                                 keys: [SourceKey(id: "email:bob@example.com", userID: "u2", hashedPassword: "h")])).get()
        #expect(converted.document["username"] == "bob@example.com" && converted.document["email"] == "bob@example.com")
        #expect(c.conversions["username-from-email"] == 1)
    }

    @Test(arguments: [
        (BSONValue?.none, SkipReason.nullID),
        (.null, .nullID),
        (.int64(7), .nonTextID),
        (.binary(BSONBinary(bytes: [1])), .nonTextID),
        (.objectId(ObjectId()), .nonTextID),
        (.string(""), .nonTextID),
    ])
    func badUserIDs(_ id: BSONValue?, _ reason: SkipReason) {
        var c = Self.converter()
        guard case .failure(let skip) = c.convert(SourceUser(row: "rowid 9", id: id, fields: [("username", "x")])) else {
            Issue.record("converted a user with id \(String(describing: id))"); return
        }
        #expect(skip.reason == reason && skip.row == "rowid 9" && skip.source == "users")
    }

    @Test func usersDifferingOnlyInCaseKeepTheFirst() throws {
        var c = Self.converter()
        _ = try c.convert(SourceUser(row: "r1", id: "u1", fields: [("username", "Alice")])).get()
        guard case .failure(let skip) = c.convert(SourceUser(row: "r2", id: "u2", fields: [("username", "aLICE")])) else {
            Issue.record("a case-insensitive duplicate was converted"); return
        }
        #expect(skip.reason == .duplicateUsername)
        #expect(c.skippedUsers == ["u2"])
        #expect(try c.convert(SourceUser(row: "r3", id: "u3", fields: [("username", "bob")])).get().document["username"] == "bob")
    }

    @Test(arguments: [[("username", BSONValue.null)], [("username", .int64(5))], []])
    func noUsernameIsSkipped(_ fields: [(String, BSONValue)]) {
        var c = Self.converter()
        guard case .failure(let skip) = c.convert(SourceUser(row: "r", id: "u", fields: fields, keys: [SourceKey(id: "github:1", userID: "u", hashedPassword: nil)])) else {
            Issue.record("a user without username was converted"); return
        }
        #expect(skip.reason == .noUsername)
    }

    @Test func aKeyWithoutProviderIsReported() throws {
        var c = Self.converter()
        let converted = try c.convert(SourceUser(row: "r", id: "u", fields: [("username", "u")], keys: [SourceKey(id: "nocolon", userID: "u", hashedPassword: nil)])).get()
        #expect(converted.keySkips.map(\.reason) == [.badKeyID])
        #expect(converted.oauthAccounts.isEmpty)
    }

    // MARK: Sessions

    func session(id: BSONValue? = "sess1", user: BSONValue? = "u1", expiry: BSONValue? = .int64(nowMs + day), exists: Bool = true,
                 fields: [(String, BSONValue)] = []) -> SourceSession {
        SourceSession(row: "rowid 3", id: id, userID: user, expiry: expiry, fields: fields, userExists: exists)
    }
    var nowMs: Int64 { Self.nowMs }
    var day: Int64 { Self.day }

    @Test func aSessionGetsADateAndKeepsItsFields() {
        var c = Self.converter()
        let fields: [(String, BSONValue)] = [("ip", "1.2.3.4"), ("active_expires", .int64(1)), ("count", .int64(2)), ("blob", .binary(BSONBinary(bytes: [9])))]
        guard case .converted(let document) = c.convert(session(fields: fields)) else { Issue.record("not converted"); return }
        #expect(document == ["_id": "sess1", "user_id": "u1", "expires_at": .date(BSONDate(millisecondsSinceEpoch: nowMs + day)),
                             "ip": "1.2.3.4", "count": .int64(2), "blob": .binary(BSONBinary(bytes: [9]))])
    }

    @Test func sha256StoresTheHexOfTheID() {
        var c = Self.converter(hash: true)
        guard case .converted(let document) = c.convert(session(id: "abcdefghijklmnopqrstuvwxyz234567")) else { Issue.record("not converted"); return }
        // lucia-schemas.md §4's vector: this token's SHA-256 hex.
        #expect(document["_id"] == "84cb29b2c78b393c0d30a90d5a9f670267d02d9ec3743fc1800acff8b03bac15")
    }

    @Test func expiredSessionsAreLeftOutUnlessKept() {
        var c = Self.converter()
        guard case .expired = c.convert(session(expiry: .int64(nowMs))) else { Issue.record("an expired session was converted"); return }
        var keep = Self.converter(keepExpired: true)
        guard case .converted = keep.convert(session(expiry: .int64(nowMs - 1))) else { Issue.record("--keep-expired dropped it"); return }
    }

    @Test func badSessionsAreSkippedWithTheirReason() {
        var c = Self.converter()
        _ = c.convert(SourceUser(row: "r", id: "gone", fields: [("username", .null)]))
        let cases: [(SourceSession, SkipReason)] = [
            (session(id: nil), .nullID), (session(id: .int64(4)), .nonTextID), (session(user: .int64(1)), .nonTextID),
            (session(exists: false), .missingUser), (session(user: "gone"), .userSkipped), (session(expiry: "soon"), .unparseableExpiry),
            (session(expiry: nil), .unparseableExpiry),
        ]
        for (row, reason) in cases {
            guard case .skipped(let skip) = c.convert(row) else { Issue.record("converted a session that should be \(reason)"); continue }
            #expect(skip.reason == reason)
            #expect(!skip.row.contains("sess1") && !skip.detail.contains("sess1"), "a session id in a report")
        }
    }

    @Test func inPlaceKeepsTheSessionsOfSkippedUsers() {
        var c = Self.converter(inPlace: true)
        _ = c.convert(SourceUser(row: "r", id: "u1", fields: [("username", .null)]))
        guard case .converted = c.convert(session()) else { Issue.record("in place, a skipped user's session was skipped"); return }
    }
}
