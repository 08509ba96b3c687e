import Foundation

/// What checks share during one run: the options, and facts earlier checks learned.
///
/// Facts are typed values keyed by their type (`DNSAnswers`, `ServerHello`): a check
/// publishes what it learned and later checks read it, instead of probing twice.
public final class CheckContext: @unchecked Sendable {
    private let lock = NSLock()  // guards `facts`; checks in one level run concurrently
    private var facts: [ObjectIdentifier: any Sendable] = [:]

    /// The platform whose paths and commands to use (`--platform`).
    public let platform: Platform
    /// The per-stage network timeout.
    public let timeout: Duration

    /// Creates a context.
    public init(platform: Platform = .current, timeout: Duration = .seconds(3)) {
        self.platform = platform
        self.timeout = timeout
    }

    /// Publishes a fact for later checks.
    public func publish<T: Sendable>(_ value: T) {
        lock.lock()
        defer { lock.unlock() }
        facts[ObjectIdentifier(T.self)] = value
    }

    /// Reads a fact an earlier check published.
    public func fact<T: Sendable>(_ type: T.Type = T.self) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return facts[ObjectIdentifier(T.self)] as? T
    }
}
