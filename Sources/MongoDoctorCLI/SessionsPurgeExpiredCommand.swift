import ArgumentParser
import AuthAdmin

/// `sessions purge-expired`: Lucia's `deleteExpiredSessions`, for a cron job.
struct SessionsPurgeExpiredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purge-expired", abstract: "Delete every expired session and say how many.")

    @OptionGroup var store: AdminStoreOptions

    func run() async throws {
        try await store.run("sessions purge-expired") { try await $0.purgeExpired() }
    }
}
