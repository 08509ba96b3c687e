import ArgumentParser

/// `mongo-doctor uri URI`: lints a connection string without touching the network.
struct URICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uri", abstract: "Lint a connection string to MongoDB's specification (no network).")

    @Argument(help: "The connection string to lint.") var uri: String
    @OptionGroup var output: OutputOptions

    func run() async throws { try PendingCommand.refuse("uri") }
}
