import ArgumentParser

/// `mongo-doctor users …`: the auth store's users, on MongoDB or SQLite.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, verify, list and delete auth users (MongoDB with --uri/--db, or --sqlite PATH).",
        discussion: """
            Passwords are read on standard input only (--password-stdin); no output shows a password or hash. \
            Exit status: 0 done (verify: the password matches), 1 no (no such user, taken name, mismatch), 2 the tool failed.
            """,
        subcommands: [UsersAddCommand.self, UsersVerifyCommand.self, UsersListCommand.self, UsersDeleteCommand.self])
}
