import Foundation

/// The once-only state behind `MongoRuntime`: handshake metadata may be configured until the
/// first use, which initialises libmongoc with it exactly once.
///
/// The initialiser is injected so that tests can check that the configured metadata is what
/// initialisation receives, without a second `mongoc_init`.
final class RuntimeSetup: @unchecked Sendable {
    private enum State {
        case unconfigured
        case configured(HandshakeMetadata)
        case initialized(HandshakeMetadata?)
    }

    private let lock = NSLock()
    private var state = State.unconfigured  // guarded by lock
    private let initialize: @Sendable (HandshakeMetadata?) -> Void

    /// Creates the setup; `initialize` runs once, on first use, with the configured metadata (if any).
    init(initialize: @escaping @Sendable (HandshakeMetadata?) -> Void) {
        self.initialize = initialize
    }

    /// Stores `metadata` for the initialisation to come; configuring the same values again is a no-op.
    ///
    /// - Throws: `MongoError` (bridge domain, `alreadyInitialized`) when different metadata was
    ///   configured before, or the runtime is already initialised (libmongoc appends it only once).
    func configure(_ metadata: HandshakeMetadata) throws(MongoError) {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .unconfigured:
            state = .configured(metadata)
        case .configured(let existing) where existing == metadata, .initialized(let existing?) where existing == metadata:
            return
        case .configured(let existing), .initialized(let existing?):
            throw MongoError.alreadyInitialized("handshake metadata is already \(existing)")
        case .initialized(nil):
            throw MongoError.alreadyInitialized("libmongoc was initialised before MongoRuntime.configure")
        }
    }

    /// Runs the initialiser once, with the metadata configured so far. Concurrent callers wait for it.
    func ensureInitialized() {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .initialized: return
        case .unconfigured:
            initialize(nil)
            state = .initialized(nil)
        case .configured(let metadata):
            initialize(metadata)
            state = .initialized(metadata)
        }
    }

    /// The configured metadata (sent in handshakes once initialised), if any.
    var metadata: HandshakeMetadata? {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .unconfigured: return nil
        case .configured(let metadata): return metadata
        case .initialized(let metadata): return metadata
        }
    }
}
