public import ArgumentParser
import DoctorCore
import DoctorRun
import Foundation
import MongodDiagnosis

extension Platform: ExpressibleByArgument {}

/// Which platform's paths and commands to use, and where extra catalog entries live.
struct PlatformOptions: ParsableArguments {
    @Option(name: .long, help: "Paths and fix commands for this platform: linux, macos or windows (default: this machine; log: inferred from the log).")
    var platform: Platform?

    @Option(name: .long, help: "A directory of extra catalog files (*.json); its entries override built-in ones with the same id.")
    var catalog: String?

    /// The catalog: built-in `Diagnostics/` plus `--catalog`.
    ///
    /// - Throws: `RunError` naming the file and entry of a bad catalog, or the missing directory.
    func loadCatalog() throws -> DiagnosticCatalog {
        do {
            let directories = try CatalogLocator().directories(userCatalog: catalog.map { URL(fileURLWithPath: $0) })
            return try DiagnosticCatalog.load(directories: directories)
        } catch {
            throw RunError(String(describing: error))
        }
    }
}
