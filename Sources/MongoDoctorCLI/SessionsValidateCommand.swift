import ArgumentParser
import AuthAdmin
import Foundation

/// `sessions validate --token-stdin`: a cookie value on stdin, validated with Lucia v3's rules
/// (extended when due); exit 0 with the user, or exit 1 with the reason (unknown, expired, user-gone).
struct SessionsValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Validate a cookie value from standard input (exit 0 and the user, or 1 and why not).")

    @Flag(name: .long, help: "Read the cookie value on standard input (required: never an argument).") var tokenStdin = false
    @OptionGroup var store: AdminStoreOptions

    func validate() throws {
        guard tokenStdin else { throw ValidationError("sessions validate needs --token-stdin: the token is read on standard input, never taken as an argument") }
    }

    func run() async throws {
        let token = try PasswordInput.read("token").trimmingCharacters(in: .whitespacesAndNewlines)
        try await store.run("sessions validate") { try await $0.validate(token: token) }
    }
}
