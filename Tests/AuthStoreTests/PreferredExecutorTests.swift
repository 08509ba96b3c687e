import BlockingWork
import Foundation
import Testing
import AuthStore
import AuthStoreSQLite
import TestSupport

/// `AuthStore.preferredExecutor`: the SQLite store's thread pool, under which every call gives the
/// same answers as from the cooperative pool and runs on one of the pool's threads.
@Suite("AuthStore: preferred executor")
struct PreferredExecutorTests {
    @Test("the memory store has none; the SQLite store's is its thread pool")
    func whichExecutor() async throws {
        #expect(try await AuthStore.open(backend: MemoryAuthBackend()).preferredExecutor == nil)
        let directory = try TemporaryDirectory(prefix: "authstore-executor")
        defer { directory.remove() }
        let threads = BlockingThreadPool(threadCount: 2, spinInterval: .zero)
        let backend = try await SQLiteAuthBackend.open(path: directory.appending("auth.db"), threads: threads)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend)
        #expect(store.preferredExecutor as? BlockingThreadPool === threads)
        await threads.shutdown()
    }

    @Test("under the preference: the same answers, on the pool's thread, without another thread", arguments: SessionTokenFormat.allCases)
    func sameAnswersOnThePool(format: SessionTokenFormat) async throws {
        let directory = try TemporaryDirectory(prefix: "authstore-executor")
        defer { directory.remove() }
        let threads = BlockingThreadPool(threadCount: 4, spinInterval: .zero)
        let backend = try await SQLiteAuthBackend.open(path: directory.appending("auth.db"), threads: threads)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: format))
        let outcome = try await withTaskExecutorPreference(store.preferredExecutor) { () async throws(AuthStoreError) -> [Bool] in
            let started = threads.startedThreadCount
            let user = try await store.createUser(username: "on-pool", hashedPassword: nil)
            let created = try await store.createSession(userID: user.id)
            var answers: [Bool] = []
            for _ in 0..<50 { answers.append(try await store.validate(created.token)?.user.id == user.id) }
            answers.append(try await store.validate(SessionToken(created.token.value + "x")) == nil)
            try await store.invalidateSession(token: created.token)
            answers.append(try await store.validate(created.token) == nil)
            answers.append(threads.ownsCurrentThread && BlockingExecutor.isOnBlockingThread)
            answers.append(threads.startedThreadCount == started)  // the task's thread did every call itself
            return answers
        }
        #expect(outcome.allSatisfy { $0 }, "\(outcome)")
        await threads.shutdown()
    }
}
