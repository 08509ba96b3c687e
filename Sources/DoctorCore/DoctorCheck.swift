/// One diagnostic check: probes one thing, returns data, never prints.
///
/// Checks take the outside world from the `CheckContext` (file system, dialer, resolver, clock),
/// so they can be tested offline. A check that throws is reported as `crashed`; the run goes on.
public protocol DoctorCheck: Sendable {
    /// Stable dotted id (`tcp.connect`); documented in the README.
    var id: CheckID { get }
    /// Short human title.
    var title: String { get }
    /// Ids of checks that must pass (or warn) before this one runs; otherwise it is `skipped`.
    var prerequisites: [CheckID] { get }
    /// Runs the check.
    func run(in context: CheckContext) async throws -> CheckOutcome
}

extension DoctorCheck {
    /// No prerequisites by default.
    public var prerequisites: [CheckID] { [] }
}
