import BlockingWork

/// A way to fix a finding: shown always, applied with `--fix` only when `automatic`.
///
/// Fixes are planned as values. `commands` are what a person would type (already quoted
/// for display); an automatic fix also carries an `action` that performs the same change
/// without a shell.
public struct Fix: Sendable {
    /// Stable id, a verb phrase (`dbpath.create-directory`).
    public var id: FixID
    /// One line saying what the fix does.
    public var summary: String
    /// Commands to run by hand, for display.
    public var commands: [String]
    /// The change itself, when mongo-doctor can apply it safely.
    public var action: (any FixAction)?
    /// Whether this fix was applied during this run.
    public var applied: Bool

    /// Whether `--fix` may apply it.
    public var isAutomatic: Bool { action != nil }

    /// Creates a fix.
    public init(id: FixID, summary: String, commands: [String] = [], action: (any FixAction)? = nil) {
        self.id = id
        self.summary = summary
        self.commands = commands
        self.action = action
        self.applied = false
    }
}

/// A change to the outside world that a fix performs (create a directory, remove a stale socket).
///
/// Implementations never delete data, never widen permissions beyond what mongod needs, and
/// run programs only as argv arrays, never through a shell. `apply` is async: implementations
/// run their blocking file-system work on `BlockingExecutor.dedicatedThread`, never on the
/// cooperative pool.
public protocol FixAction: Sendable {
    /// Performs the change. Throws when it could not be made; the caller reports that.
    func apply() async throws
}

/// A `FixAction` made from a blocking closure, for small actions and tests; the closure runs on
/// a dedicated thread.
public struct ClosureFixAction: FixAction {
    private let body: @Sendable () throws -> Void

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable () throws -> Void) { self.body = body }

    public func apply() async throws { try await BlockingExecutor.dedicatedThread(body) }
}
