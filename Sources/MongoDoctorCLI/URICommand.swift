import ArgumentParser
import ConnectionString
import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import MongodDiagnosis

/// `mongo-doctor uri URI`: lints a connection string without touching the network.
/// `mongo-doctor uri --encode-password`: prints the password read on stdin percent-encoded.
struct URICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uri",
        abstract: "Lint a connection string to MongoDB's specification, with libmongoc's opinion (no network).",
        discussion: """
            Exit status 0 when the specification says the string is valid (warnings allowed, whatever \
            libmongoc thinks), 1 when it is not. The findings are worded by the catalog (Diagnostics/); \
            --catalog DIR rewords them. With --encode-password, reads a password on standard input \
            (not echoed on a terminal) and prints it percent-encoded for the user information, nothing else.
            """)

    @Argument(help: "The connection string to lint (quote it for the shell), or - to read it on standard input.") var uri: String?
    @Flag(name: .long, help: "Read a password on standard input and print it percent-encoded (nothing else).")
    var encodePassword = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var platformOptions: PlatformOptions

    func validate() throws {
        if encodePassword, uri != nil {
            throw ValidationError("--encode-password reads the password on standard input: give no connection string")
        }
        if !encodePassword, uri == nil {
            throw ValidationError("Missing expected argument '<uri>'")
        }
    }

    func run() async throws {
        guard let argument = uri else {
            let password = try PasswordInput.read()
            FileHandle.standardOutput.write(Data((ConnectionString.encodeCredential(password) + "\n").utf8))
            return
        }
        let uri = argument == "-" ? try URIInput.read() : argument
        let catalog = try platformOptions.loadCatalog()
        let platform = platformOptions.platform ?? .current
        let clock = ContinuousClock()
        let start = clock.now
        let context = CheckContext(platform: platform)
        let wording = CatalogWording(catalog: catalog, platform: platform)
        let results = wording.apply(to: await CheckRunner().run([URICheck(uri: uri)], in: context))
        let lint = context.fact(URILintResult.self) ?? URILinter.lint(uri)
        let driver = context.fact(DriverURIOpinion.self) ?? DriverURIOpinion(accepts: false, error: nil)
        let report = Report(
            toolName: MongoDoctorVersion.toolName, toolVersion: MongoDoctorVersion.current,
            target: URIRedaction.redact(uri), targetSource: argument == "-" ? "standard input" : "argument", checks: results,
            elapsedMs: start.duration(to: clock.now).milliseconds,
            sections: [("uri", URIReportSection.value(for: lint, driver: driver))])
        try output.emit(report)
    }
}
