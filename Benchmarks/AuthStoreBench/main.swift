// Helper of Benchmarks/session-validation (not a product): seeds and validates AuthStore sessions.
//   authstore-bench seed-mongo URI DB FORMAT COUNT TOKENS      COUNT users with one session each; tokens to TOKENS
//   authstore-bench validate-mongo URI DB FORMAT TOKENS CALLERS SECONDS MODE
//   authstore-bench seed-sqlite FILE FORMAT COUNT TOKENS
//   authstore-bench validate-sqlite FILE FORMAT TOKENS CALLERS SECONDS MODE
// A validate command runs CALLERS concurrent loops of AuthStore.validate (0.5 s warm-up, then SECONDS)
// and prints `validations= failures= wall= cpu=` (cpu: this process's user + system seconds).
// MODE: `handoff`, the loops run on the cooperative pool and every call is handed to the store's
// threads and back; `on-pool`, the loops prefer the store's executor (AuthStore.preferredExecutor).
import AuthStore
import AuthStoreMongo
import AuthStoreSQLite
import BlockingWork
import Foundation
import Glibc
import MongoBridge

/// COUNT users (with `attributes`) and one session each through `store`, eight at a time; returns the cookie values.
func seed(_ store: AuthStore, count: Int, attributes: AuthAttributes) async throws -> [String] {
    try await withThrowingTaskGroup(of: [String].self) { group in
        let workers = 8
        for worker in 0..<workers {
            group.addTask {
                var tokens: [String] = []
                for index in stride(from: worker, to: count, by: workers) {
                    let user = try await store.createUser(username: "bench-user-\(index)", hashedPassword: nil, attributes: attributes)
                    tokens.append(try await store.createSession(userID: user.id).token.value)
                }
                return tokens
            }
        }
        var all: [String] = []
        for try await tokens in group { all += tokens }
        return all
    }
}

/// Runs the validation loops against `store` and prints the result line.
func validateAll(_ store: AuthStore, tokensPath: String, callers: Int, duration: Double, mode: String) async throws {
    let tokens = try readTokens(tokensPath)
    guard mode == "handoff" || mode == "on-pool" else { throw AuthStoreError(.invalidAttribute, "unknown mode") }
    let executor = mode == "on-pool" ? store.preferredExecutor : nil
    let result = try await measure(tokens: tokens, callers: callers, warmUp: .milliseconds(500), duration: .seconds(duration),
                                   executor: executor) { token in
        try await store.validate(SessionToken(token)) != nil
    }
    print(result.line)
}

func format(_ name: String) throws -> SessionTokenFormat {
    guard let format = SessionTokenFormat(rawValue: name) else { throw AuthStoreError(.invalidAttribute, "unknown token format") }
    return format
}

/// Runs the command `arguments` names.
func run(_ arguments: [String]) async throws {
    let command = arguments.count > 1 ? arguments[1] : ""
    switch (command, arguments.count) {
    case ("seed-mongo", 7), ("validate-mongo", 9):
        try MongoRuntime.configure(appName: "authstore-bench", version: "0")
        let callers = command == "seed-mongo" ? 8 : Int(arguments[6])!
        // The pool's default size (8 clients), fewer for fewer callers, and a thread per client. More
        // clients than that made every validation dearer at 64 callers and none faster: the server
        // answers a few at a time, and each extra connection is one more thread to wake.
        let clients = min(callers, ClientPool.defaultMaxSize)
        let threads = BlockingThreadPool(threadCount: clients, name: "authstore-bench")
        let pool = try ClientPool(uri: MongoURI(arguments[2]), maxSize: clients, threads: threads)
        let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: arguments[3]))
        let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: try format(arguments[4])))
        if command == "seed-mongo" {
            try writeTokens(try await seed(store, count: Int(arguments[5])!, attributes: ["plan": .text("free")]), to: arguments[6])
        } else {
            try await validateAll(store, tokensPath: arguments[5], callers: callers, duration: Double(arguments[7])!, mode: arguments[8])
        }
        await pool.close()
        await threads.shutdown()
    case ("seed-sqlite", 6), ("validate-sqlite", 8):
        let callers = command == "seed-sqlite" ? 4 : Int(arguments[5])!
        let threads = BlockingThreadPool(threadCount: callers, name: "authstore-bench")
        let backend = try await SQLiteAuthBackend.open(path: arguments[2], threads: threads, maxConnections: callers)
        let store = try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: try format(arguments[3])))
        if command == "seed-sqlite" {
            try writeTokens(try await seed(store, count: Int(arguments[4])!, attributes: [:]), to: arguments[5])
        } else {
            try await validateAll(store, tokensPath: arguments[4], callers: callers, duration: Double(arguments[6])!, mode: arguments[7])
        }
        backend.close()
        await threads.shutdown()
    default:
        FileHandle.standardError.write(Data("usage: see the header of Benchmarks/AuthStoreBench/main.swift\n".utf8))
        exit(64)
    }
}

do {
    try await run(CommandLine.arguments)
} catch {
    // AuthStoreError and MongoError descriptions carry no token, password or server message.
    FileHandle.standardError.write(Data("authstore-bench: \(error)\n".utf8))
    exit(1)
}
