import ArgumentParser
import AuthAdmin

/// `users list`: ids and usernames, and whether a password is set (never the hash).
struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users (id, username, whether a password is set).")

    @Option(name: .long, help: "Show at most this many users.") var limit = 1000
    @OptionGroup var store: AdminStoreOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() async throws {
        try await store.run("users list") { try await $0.listUsers(limit: limit) }
    }
}
