/// How serious a finding is. Stable JSON values: `error`, `warning`, `info`.
///
/// A finding is an `error` only when something is actually broken for this target;
/// doubts are `warning`s; facts worth knowing are `info`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The state of one check after a run. Stable JSON values.
public enum CheckStatus: String, Sendable, Codable, CaseIterable {
    /// Ran and found nothing wrong.
    case passed
    /// Ran and found doubts (warning findings) but nothing broken.
    case warning
    /// Ran and found something broken (an error finding).
    case failed
    /// Did not run, because a prerequisite failed or it does not apply; `detail` says why.
    case skipped
    /// The check itself threw; the run went on.
    case crashed

    /// Whether checks that depend on this one can still run.
    public var allowsDependents: Bool { self == .passed || self == .warning }
}

/// The overall outcome of a run. Stable JSON values.
public enum Verdict: String, Sendable, Codable {
    case ok, warning, error
}

/// The operating system whose paths and commands a run uses.
public enum Platform: String, Sendable, Codable, CaseIterable {
    case linux, macos, windows

    /// The platform this binary runs on.
    public static var current: Platform {
        #if os(Windows)
        .windows
        #elseif os(macOS)
        .macos
        #else
        .linux
        #endif
    }
}
