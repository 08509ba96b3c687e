public import DoctorCore

/// One step of `mongo-doctor setup`, as a value: planned first, then done (or not), each with a
/// one-line detail and the commands it runs or would run (never a secret).
public struct SetupStep: Sendable, Equatable {
    /// What became of a step.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// To do (what a dry run reports for every step it would take).
        case planned
        /// Done by this run.
        case done
        /// Already as it should be: nothing changed.
        case unchanged
        /// Does not apply here, or not reached because an earlier step stopped the run.
        case skipped
        /// Something is in the way (a finding names it); nothing was changed for this step.
        case blocked
        /// Tried, and it did not work.
        case failed
        /// mongo-doctor cannot do it here: the detail and commands say what to run.
        case manual
    }

    /// The stable step id (`diagnose`, `config.write`, `mongod.start`, …; a fix's id for a fix).
    public var id: String
    /// The step's state.
    public var status: Status
    /// One line for people.
    public var detail: String
    /// The finding that blocks or explains a failed step.
    public var finding: FindingID?
    /// The commands the step runs or would run, as a person would type them.
    public var commands: [String]

    /// Creates a step.
    public init(_ id: String, _ status: Status, _ detail: String, finding: FindingID? = nil, commands: [String] = []) {
        self.id = id
        self.status = status
        self.detail = detail
        self.finding = finding
        self.commands = commands
    }

    /// Whether the step keeps the run from being green.
    public var isProblem: Bool { status == .failed || status == .blocked || status == .manual }
}

/// The step ids: API, listed in the README. Fix steps use the fix's own id
/// (`dbpath.create-directory`, `logpath.create-directory`, `socket.remove-stale`).
public enum SetupStepID {
    /// The whole `check`, connection and local.
    public static let diagnose = "diagnose"
    /// Write a configuration file when there is none.
    public static let configWrite = "config.write"
    /// Start mongod (a service, or in the background).
    public static let mongodStart = "mongod.start"
    /// Wait until mongod answers `hello`.
    public static let mongodWait = "mongod.wait"
    /// Provision the auth layer (and the app user).
    public static let provision = "provision"
    /// Check again, with the auth store.
    public static let recheck = "recheck"
    /// Hand the connection string over in the env file.
    public static let envWrite = "env.write"
}
