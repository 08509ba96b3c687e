import ArgumentParser
import AuthAdmin

/// `users add NAME --password-stdin`: a user with an argon2id hash of the password read on stdin.
struct UsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a user; the password comes from standard input.")

    @Argument(help: "The username (trimmed, NFKC-normalised, unique case-insensitively).") var name: String
    @Flag(name: .long, help: "Read the password on standard input (required: never an argument).") var passwordStdin = false
    @OptionGroup var store: AdminStoreOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("users add needs --password-stdin: the password is read on standard input, never taken as an argument") }
    }

    func run() async throws {
        let password = try PasswordInput.read()
        try await store.run("users add") { try await $0.addUser(name, password: password) }
    }
}
