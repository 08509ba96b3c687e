import Foundation
import Testing
import AuthStore
import AuthStoreSQLite
import TestSupport

/// Many tasks against one SQLite file through two stores (two connection pools, as two processes).
@Suite("AuthStore SQLite: concurrency")
struct SQLiteConcurrencyTests {
    @Test("64 concurrent creations and 64 concurrent validations, zero wrong answers")
    func heavyUse() async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-load")
        defer { directory.remove() }
        let path = directory.appending("auth.db")
        let first = try await SQLiteAuthBackend.open(path: path)
        let second = try await SQLiteAuthBackend.open(path: path, maxConnections: 2)
        defer { first.close(); second.close() }
        let storeA = try await AuthStore.open(backend: first)
        let storeB = try await AuthStore.open(backend: second)
        let created = try await withThrowingTaskGroup(of: (String, CreatedSession).self) { group in
            for i in 0..<64 {
                group.addTask {
                    let store = i.isMultiple(of: 2) ? storeA : storeB
                    let user = try await store.createUser(username: "user\(i)", hashedPassword: nil)
                    return (user.id, try await store.createSession(userID: user.id))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(created.count == 64)
        let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
            for (index, (userID, session)) in created.enumerated() {
                group.addTask {
                    let store = index.isMultiple(of: 3) ? storeA : storeB
                    let valid = try await store.validate(session.token)
                    let forged = try await store.validate(SessionToken(session.session.id + ".wrongsecretwrongsecret00"))
                    return (valid?.user.id == userID ? 0 : 1) + (forged == nil ? 0 : 1)
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(wrong == 0)
        // Concurrent duplicate names: exactly one wins.
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask { (try? await (i.isMultiple(of: 2) ? storeA : storeB).createUser(username: "SameName", hashedPassword: nil)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
    }
}
