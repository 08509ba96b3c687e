import ArgumentParser
import AuthAdmin

/// `users verify NAME --password-stdin`: exit 0 only when the password on stdin is the user's.
struct UsersVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a user's password from standard input (exit 0 only when it matches).")

    @Argument(help: "The username.") var name: String
    @Flag(name: .long, help: "Read the password on standard input (required: never an argument).") var passwordStdin = false
    @OptionGroup var store: AdminStoreOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("users verify needs --password-stdin: the password is read on standard input, never taken as an argument") }
    }

    func run() async throws {
        let password = try PasswordInput.read()
        try await store.run("users verify") { try await $0.verifyUser(name, password: password) }
    }
}
