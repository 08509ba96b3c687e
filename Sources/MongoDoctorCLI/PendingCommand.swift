import ArgumentParser
import DoctorCore
import Foundation

/// Subcommands whose work lands in later releases. They exist so scripts can discover them,
/// and say plainly that they do nothing yet (exit 2: the tool cannot do this job yet).
enum PendingCommand {
    static func refuse(_ name: String) throws -> Never {
        FileHandle.standardError.write(Data("mongo-doctor \(name): not available in this version yet\n".utf8))
        throw ExitCode(ExitStatus.toolFailure)
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move auth data from Lucia v2 or SQLite (not available yet).")
        func run() throws { try PendingCommand.refuse("migrate") }
    }
}
