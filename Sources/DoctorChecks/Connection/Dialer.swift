import DoctorCore

/// What answered when a TCP connection to a MongoDB port was made and a `hello` sent.
public enum WireAnswer: Sendable, Equatable {
    /// A MongoDB reply (OP_MSG or OP_REPLY); its `maxWireVersion` when readable.
    case mongodb(maxWireVersion: Int?)
    /// The peer closed (or reset) the connection without answering.
    case closed
    /// The peer accepted and said nothing within the timeout.
    case silent
    /// The peer answered with something that is not a MongoDB reply; a printable preview.
    case notMongoDB(preview: String)
}

/// The outcome of one TCP connection attempt.
public enum DialOutcome: Sendable, Equatable {
    /// Connected; `answer` is what the `hello` got, or `nil` when none was sent.
    case connected(answer: WireAnswer?)
    /// Connection refused (nothing listens).
    case refused
    /// No answer to the SYN within the timeout (packets dropped).
    case timedOut
    /// Any other failure (no route, network down), with the system's text.
    case failed(String)
}

/// One TCP connection attempt of the `tcp` stage: which seed, which of its addresses, and what happened.
public struct DialAttempt: Sendable, Equatable {
    /// The seed (host and port from the URI).
    public var endpoint: Endpoint
    /// The resolved address that was dialled.
    public var address: ResolvedAddress
    /// What happened.
    public var outcome: DialOutcome

    /// Creates an attempt.
    public init(endpoint: Endpoint, address: ResolvedAddress, outcome: DialOutcome) {
        self.endpoint = endpoint
        self.address = address
        self.outcome = outcome
    }
}

/// Opens TCP connections for the `tcp` stage; injected so tests can script it.
public protocol Dialer: Sendable {
    /// Connects to `address:port` within `timeout`; when `sendHello`, sends a MongoDB `hello` and
    /// classifies what comes back (waiting at most `timeout` again).
    func dial(_ address: ResolvedAddress, port: Int, timeout: Duration, sendHello: Bool) async -> DialOutcome
}
