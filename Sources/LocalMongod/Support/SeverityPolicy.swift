import DoctorCore

/// The provenance rule: a healthy server is never reported broken because of a default path
/// it does not use.
///
/// A problem with a setting the user named (flag) or a config file set keeps its severity.
/// A problem with a *default* is suppressed when the server answers, at most a warning when
/// that is unknown, and keeps its severity when the server is known not to answer.
enum SeverityPolicy {
    /// The severity to report, or `nil` to report nothing.
    static func severity(_ base: Severity, for provenance: Provenance, serverAnswers: Bool?) -> Severity? {
        switch provenance {
        case .flag, .config:
            return base
        case .default:
            switch serverAnswers {
            case .some(true): return nil
            case .some(false): return base
            case .none: return min(base, .warning)
            }
        }
    }
}
