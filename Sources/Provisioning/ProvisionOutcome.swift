public import AuthStore
import DoctorCore

/// The result of one `provision` run: the steps in order and what became of each.
public struct ProvisionOutcome: Sendable, Equatable {
    /// The database (or SQLite file) provisioned.
    public var database: String
    /// `lucia-v3`, `lucia-v2`, or `sqlite`.
    public var layout: String
    /// The session format recorded.
    public var sessionFormat: SessionTokenFormat
    /// Whether it only planned.
    public var dryRun: Bool
    /// The steps, in order.
    public var steps: [ProvisionStep]

    /// Creates an outcome.
    public init(database: String, layout: String, sessionFormat: SessionTokenFormat, dryRun: Bool, steps: [ProvisionStep]) {
        self.database = database
        self.layout = layout
        self.sessionFormat = sessionFormat
        self.dryRun = dryRun
        self.steps = steps
    }

    /// 1 when a step is in conflict, blocked or failed; else 0.
    public var exitStatus: Int32 { steps.contains(where: \.isProblem) ? ExitStatus.findings : ExitStatus.clean }

    /// Whether the run wrote nothing (every step `unchanged`, or a dry run).
    public var changedNothing: Bool { !steps.contains { $0.status == .applied } }
}
