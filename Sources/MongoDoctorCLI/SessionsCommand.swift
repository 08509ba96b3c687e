import ArgumentParser

/// `mongo-doctor sessions …`: the auth store's sessions, on MongoDB or SQLite.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, revoke, purge and validate auth sessions (MongoDB with --uri/--db, or --sqlite PATH).",
        discussion: """
            A token is read on standard input only (--token-stdin). Sessions are shown by a fingerprint (8 hex \
            characters of SHA-256 of the stored id), never by their id or token. Exit status: 0 done (validate: \
            valid), 1 no (no such user; validate: not valid, with the reason), 2 the tool failed.
            """,
        subcommands: [SessionsListCommand.self, SessionsRevokeCommand.self, SessionsPurgeExpiredCommand.self, SessionsValidateCommand.self])
}
