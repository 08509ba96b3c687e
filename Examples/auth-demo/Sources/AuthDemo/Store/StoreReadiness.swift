/// Whether a store may be served, as the start-up check found it.
public enum StoreReadiness: Sendable, Equatable {
    /// Serve it; `notes` are warnings worth printing (expired sessions left, no validator, …).
    case ready(notes: [String])
    /// Do not serve it: what is wrong, one line each, and the one command that fixes it.
    case refused(problems: [String], fix: String)

    /// Whether the store may be served.
    public var isReady: Bool {
        if case .ready = self { return true }
        return false
    }
}
