import DoctorCore
import LocalMongod
import Testing

/// Runs one local check by id, as the CLI would, with the live probes unless told otherwise.
func runCheck(
    _ id: CheckID, _ setup: LocalSetup, probes: LocalProbes = .live, platform: Platform = .linux,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> CheckOutcome {
    let checks = LocalChecks.make(setup: setup, probes: probes)
    let check = try #require(checks.first { $0.id == id }, sourceLocation: sourceLocation)
    return try await check.run(in: CheckContext(platform: platform, timeout: .seconds(2)))
}

extension CheckOutcome {
    /// The ids of the findings.
    var ids: [String] { findings.map(\.id.rawValue) }

    /// The first finding with `id`.
    func finding(_ id: FindingID) -> Finding? { findings.first { $0.id == id } }
}

extension Finding {
    /// Every command of every fix.
    var allCommands: [String] { fixes.flatMap(\.commands) }
}
