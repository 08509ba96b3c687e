import ArgumentParser
import DoctorCore
import DoctorRun
import Foundation
import MongodDiagnosis

/// `mongo-doctor explain ID`: what a finding means, how it is detected and how to fix it; also what
/// mongod's exit code or a service manager's status means (`explain 100`, `explain status=4/ILL`).
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a finding id, a mongod exit code (100, 48, 62, …) or a systemd status (status=14, status=4/ILL).",
        discussion: "Exit status 0 when the catalog knows the answer, 2 when it does not (with the closest ids).")

    @Argument(help: "A finding id (dbpath.missing), an exit code (100) or a status line (status=4/ILL).")
    var query: String?

    @Flag(name: .long, help: "List every finding id the catalog knows.")
    var list = false

    @OptionGroup var platformOptions: PlatformOptions

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        if list == (query != nil) { throw ValidationError("give either a finding id, exit code or status, or --list") }
    }

    func run() async throws {
        let catalog = try platformOptions.loadCatalog()
        let renderer = ExplainRenderer(catalog: catalog, platforms: platformOptions.platform.map { [$0] } ?? Platform.allCases)
        if list {
            print(json ? renderer.listJSON().serialized : renderer.listText(), terminator: json ? "\n" : "")
            return
        }
        let explainer = Explainer(catalog: catalog, platform: platformOptions.platform ?? .current)
        let answer = explainer.explain(ExplainQuery(query ?? ""))
        if case .unknown(let asked, let suggestions) = answer {
            let hint = suggestions.isEmpty ? "; see mongo-doctor explain --list"
                : "; did you mean " + suggestions.map(\.rawValue).joined(separator: ", ") + "?"
            throw RunError("nothing is known as '\(asked)'" + hint)
        }
        print(json ? renderer.json(answer).serialized : renderer.text(answer), terminator: json ? "\n" : "")
    }
}
