public import DoctorCore

/// One named step of a provisioning plan, as a value: what it does, and what became of it.
///
/// Like GRDB's migrations, steps have stable ids and a fixed order; like the doctor's fixes they
/// are planned first (`planned`, `unchanged`, `conflict`, `blocked`), then applied (`applied` or
/// `failed`), then checked again.
public struct ProvisionStep: Sendable, Equatable {
    /// What became of a step.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// To do; what a dry run reports for every step it would apply.
        case planned
        /// Done by this run (and found done on re-check).
        case applied
        /// Already as it should be: nothing written.
        case unchanged
        /// Something else is in the way (another index, validator or role); left alone.
        case conflict
        /// Cannot be done now (duplicate usernames, a missing privilege, no mongos).
        case blocked
        /// The server refused it, or it did not hold on re-check.
        case failed
    }

    /// The stable id (`collection.users`, `index.sessions.expires_at-ttl`, `app-role`).
    public var id: String
    /// The step's state.
    public var status: Status
    /// One line for people (never a secret).
    public var detail: String
    /// The finding a conflicting, blocked or failed step reports.
    public var finding: FindingID?
    /// Values the detail lists (e.g. the colliding usernames).
    public var items: [String]
    /// The write to do, for a `planned` step.
    public var action: ProvisionAction?

    /// Creates a step.
    public init(
        id: String, status: Status, detail: String, finding: FindingID? = nil, items: [String] = [],
        action: ProvisionAction? = nil
    ) {
        self.id = id
        self.status = status
        self.detail = detail
        self.finding = finding
        self.items = items
        self.action = action
    }

    /// Whether the step keeps the run from being clean (exit 1).
    public var isProblem: Bool { status == .conflict || status == .blocked || status == .failed }
}
