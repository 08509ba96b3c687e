public import DoctorChecks
public import LocalMongod

/// Starts mongod, injected so the flow is tested offline: in the background (`mongod --config
/// FILE`), or through a service manager's command that runs to its end.
public protocol MongodLauncher: Sendable {
    /// Starts `argv` in the background, detached from this terminal (a session of its own), with
    /// standard input from `/dev/null` and its output kept for the diagnosis of a failed start.
    func start(_ argv: [String]) throws -> any LaunchedMongod
    /// Runs a service manager's command (argv, no shell) to its end, or until `timeout`.
    func run(_ argv: [String], timeout: Duration) async -> ProgramOutput?
}

/// A mongod started in the background.
public protocol LaunchedMongod: Sendable {
    /// Its process id.
    var pid: Int32 { get }
    /// Its exit status once it has exited (128 + N for signal N), else `nil`. Never blocks.
    func exitStatus() -> Int32?
    /// What it wrote on standard output and standard error so far (at most 64 KiB).
    func output() -> String
}

/// Asks whether a server answers `hello`, injected so the flow is tested offline.
public protocol HelloWaiter: Sendable {
    /// Whether `uri` answers `hello` within `timeout`.
    func answers(uri: String, timeout: Duration) async -> Bool
}

/// The real waiter: libmongoc's `hello`, through DoctorChecks' server probe.
public struct LiveHelloWaiter: HelloWaiter {
    let probe: any ServerProbe

    /// Creates the waiter over `probe` (the live one by default).
    public init(probe: any ServerProbe = LiveServerProbe()) { self.probe = probe }

    public func answers(uri: String, timeout: Duration) async -> Bool {
        (try? await probe.hello(uri: uri, timeout: timeout, saslUser: nil)) != nil
    }
}

/// Time for the wait, injected so the flow's bounded wait is tested without waiting.
public protocol SetupClock: Sendable {
    /// The time since an arbitrary fixed origin.
    func now() -> Duration
    /// Waits `duration`.
    func sleep(for duration: Duration) async
}

/// The real clock.
public struct LiveSetupClock: SetupClock {
    let origin = ContinuousClock.now

    /// Creates the clock.
    public init() {}

    public func now() -> Duration { ContinuousClock.now - origin }

    public func sleep(for duration: Duration) async { try? await Task.sleep(for: duration) }
}
