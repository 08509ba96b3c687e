import ArgumentParser
import AuthAdmin

/// `sessions revoke NAME`: deletes all of a user's sessions.
struct SessionsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Delete all of a user's sessions.")

    @Argument(help: "The username.") var name: String
    @OptionGroup var store: AdminStoreOptions

    func run() async throws {
        try await store.run("sessions revoke") { try await $0.revokeSessions(name) }
    }
}
