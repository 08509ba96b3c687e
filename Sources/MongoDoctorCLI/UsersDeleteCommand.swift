import ArgumentParser
import AuthAdmin

/// `users delete NAME`: the user and all their sessions.
struct UsersDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a user and their sessions (exit 1 when there is no such user).")

    @Argument(help: "The username.") var name: String
    @OptionGroup var store: AdminStoreOptions

    func run() async throws {
        try await store.run("users delete") { try await $0.deleteUser(name) }
    }
}
