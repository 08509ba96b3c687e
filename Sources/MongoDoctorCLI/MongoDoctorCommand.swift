public import ArgumentParser
import DoctorCore
import DoctorRun
import Foundation
import MongoBridge

/// The `mongo-doctor` root command.
public struct MongoDoctorCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mongo-doctor",
        abstract: "Finds what is wrong with a local mongod or a MongoDB connection, and fixes what is safe to fix.",
        discussion: "Exit status: 0 no error findings, 1 at least one error finding, 2 the tool could not do its job.",
        version: MongoDoctorVersion.current,
        subcommands: [
            CheckCommand.self, URICommand.self, LogCommand.self, ExplainCommand.self,
            ProvisionCommand.self, SetupCommand.self, MigrateCommand.self,
            UsersCommand.self, SessionsCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    public init() {}

    /// Parses the process arguments, runs the command and exits with mongo-doctor's exit codes:
    /// 0 and 1 from the report, 2 for anything that stopped the tool itself (bad arguments included).
    public static func runMain(arguments: [String]? = nil) async -> Never {
        MongoDoctorVersion.configureRuntime()
        do {
            if arguments == nil { try ArgumentEncoding.validate(ArgumentEncoding.processArguments) }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(ExitStatus.clean)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as RunError {
            FileHandle.standardError.write(Data(("mongo-doctor: " + CommandLineSecrets.scrub(error.description) + "\n").utf8))
            Foundation.exit(ExitStatus.toolFailure)
        } catch {
            let status = exitCode(for: error)
            let message = CommandLineSecrets.scrub(fullMessage(for: error))
            if status == .success {
                print(message)
                Foundation.exit(ExitStatus.clean)
            }
            FileHandle.standardError.write(Data(("mongo-doctor: " + message + "\n").utf8))
            Foundation.exit(ExitStatus.toolFailure)
        }
    }
}
