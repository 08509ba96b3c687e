import ArgumentParser
import AuthAdmin

/// `sessions list NAME`: a user's live sessions, by fingerprint and expiry.
struct SessionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a user's live sessions (fingerprint and expiry).")

    @Argument(help: "The username.") var name: String
    @OptionGroup var store: AdminStoreOptions

    func run() async throws {
        try await store.run("sessions list") { try await $0.listSessions(name) }
    }
}
