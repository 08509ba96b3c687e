import ArgumentParser

/// `mongo-doctor log FILE`: explains a mongod log.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Explain a mongod log file (- for standard input).")

    @Argument(help: "The log file, or - for standard input.") var file: String
    @OptionGroup var output: OutputOptions

    func run() async throws { try PendingCommand.refuse("log") }
}
