import Foundation
import Testing
import AuthStore

/// The user half of AuthStore's contract: the bodies every backend's suite runs.
public enum UserContract {
    /// Usernames in the parameterised uniqueness test: each collides with "Alice".
    public static let collidingNames = ["alice", "ALICE", " Alice ", "ａｌｉｃｅ"]
    /// Usernames that are refused.
    public static let invalidNames = ["", "   ", "a\u{0}b", String(repeating: "x", count: 256)]
    /// Attribute names that are refused.
    public static let reservedAttributeNames = ["id", "username", "hashed_password", "bad name"]

    /// Usernames are trimmed, NFKC-normalised, found by id and case-insensitively by name.
    public static func createAndFind(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            let user = try await store.createUser(username: "  Ａｌｉｃｅ\n", hashedPassword: nil, attributes: [:])
            #expect(user.username == "Alice")
            #expect(user.id.count == 16)
            #expect(try await store.user(id: user.id) == user)
            #expect(try await store.user(username: "alice")?.id == user.id)
            #expect(try await store.user(username: "ALICE")?.id == user.id)
            #expect(try await store.user(username: "bob") == nil)
        }
    }

    /// A username differing only in case or width is taken.
    public static func uniqueCaseInsensitively(_ make: AuthFixtureMaker, second: String) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            _ = try await store.createUser(username: "Alice", hashedPassword: nil)
            let error = await #expect(throws: AuthStoreError.self) { try await store.createUser(username: second, hashedPassword: nil) }
            #expect(error?.code == .usernameTaken)
        }
    }

    /// Empty or control-character usernames are refused.
    public static func invalidUsernames(_ make: AuthFixtureMaker, name: String) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            let error = await #expect(throws: AuthStoreError.self) { try await store.createUser(username: name, hashedPassword: nil) }
            #expect(error?.code == .invalidUsername)
        }
    }

    /// Deleting a user deletes their sessions, and only theirs.
    public static func deleteUser(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            let alice = try await store.createUser(username: "alice", hashedPassword: nil)
            let bob = try await store.createUser(username: "bob", hashedPassword: nil)
            let a = try await store.createSession(userID: alice.id)
            let b = try await store.createSession(userID: bob.id)
            #expect(try await store.deleteUser(id: alice.id))
            #expect(try await store.deleteUser(id: alice.id) == false)
            #expect(try await store.user(id: alice.id) == nil)
            #expect(try await store.validate(a.token) == nil)
            #expect(try await store.validate(b.token)?.user.id == bob.id)
            // The name is free again.
            _ = try await store.createUser(username: "Alice", hashedPassword: nil)
        }
    }

    /// Passwords: the hasher's hash is stored; verify matches, mismatches, rehashes.
    public static func passwords(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            let hasher = FakeHasher()
            let user = try await store.createUser(username: "carol", password: "pw1", hasher: hasher)
            #expect(try await store.user(id: user.id)?.hashedPassword == "fake$pw1")
            #expect(try await store.verifyPassword(username: "CAROL", password: "pw1", hasher: hasher)?.id == user.id)
            #expect(try await store.verifyPassword(username: "carol", password: "nope", hasher: hasher) == nil)
            #expect(try await store.verifyPassword(username: "nobody", password: "pw1", hasher: hasher) == nil)
            let old = try await store.createUser(username: "dave", hashedPassword: "old$pw2")
            #expect(try await store.verifyPassword(username: "dave", password: "pw2", hasher: hasher)?.hashedPassword == "fake$pw2")
            #expect(try await store.user(id: old.id)?.hashedPassword == "fake$pw2")
            #expect(!user.description.contains("pw1") && !user.description.contains("fake$"))
        }
    }

    /// Reserved attribute names are refused.
    public static func reservedAttributes(_ make: AuthFixtureMaker, name: String) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            let error = await #expect(throws: AuthStoreError.self) { try await store.createUser(username: "erin", hashedPassword: nil, attributes: [name: .text("x")]) }
            #expect(error?.code == .invalidAttribute)
            #expect(try await store.user(username: "erin") == nil)
        }
    }

    /// Listing: every user, ordered by username then id, cut at the limit.
    public static func listUsers(_ make: AuthFixtureMaker) async throws {
        try await withAuthFixture(make) { fixture in
            let store = try await fixture.store(.split, clock: TestClock())
            #expect(try await store.users().isEmpty)
            for name in ["carol", "alice", "bob"] { _ = try await store.createUser(username: name, hashedPassword: "fake$x") }
            #expect(try await store.users().map(\.username) == ["alice", "bob", "carol"])
            #expect(try await store.users(limit: 2).map(\.username) == ["alice", "bob"])
            #expect(try await store.users(limit: 0).isEmpty)
            #expect(try await store.users().allSatisfy { $0.hashedPassword == "fake$x" })
        }
    }
}
