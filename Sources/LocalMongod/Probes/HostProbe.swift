/// Facts about this host that are not files: limits, interfaces, the search path.
public protocol HostProbe: Sendable {
    /// The soft `RLIMIT_NOFILE` of this process (what a mongod started from here inherits).
    func openFileSoftLimit() -> UInt64?
    /// The addresses of this host's interfaces (`getifaddrs`), in `inet_ntop` form.
    func interfaceAddresses() -> [String]
    /// The directories of `$PATH`.
    func searchPath() -> [String]
    /// Where sysfs is mounted (`/sys`); tests point it at a temporary tree.
    var sysfsRoot: String { get }
}

/// What a program printed and how it ended.
public struct ProgramOutput: Sendable, Equatable {
    /// Exit status (128 + the signal's number when a signal ended it), `nil` when it was killed after the timeout.
    public var exitCode: Int32?
    /// Standard output and standard error, decoded as UTF-8.
    public var output: String
    /// Whether it was stopped because the timeout passed.
    public var timedOut: Bool

    /// Creates an output.
    public init(exitCode: Int32?, output: String, timedOut: Bool = false) {
        self.exitCode = exitCode
        self.output = output
        self.timedOut = timedOut
    }
}

/// Runs a program as an argv array (never through a shell), with a timeout.
public protocol ProgramRunner: Sendable {
    /// Runs `argv`; `nil` when it could not be started.
    func run(_ argv: [String], timeout: Duration) -> ProgramOutput?
}
