public import DoctorCore

/// The finding ids the log analysis produces itself (the catalog's entries bring their own ids):
/// API, listed in the README; never renamed silently.
extension FindingID {
    /// `log.exit-code`: the exit code the log shows or implies, and its meaning.
    public static let logExitCode: FindingID = "log.exit-code"
    /// `log.unrecognized`: an error line no catalog entry matches, quoted.
    public static let logUnrecognized: FindingID = "log.unrecognized"
    /// `log.startup-warning`: a startup warning worth acting on.
    public static let logStartupWarning: FindingID = "log.startup-warning"
    /// `log.outcome-unknown`: the log ends before the last startup is shown running, failed or stopped.
    public static let logOutcomeUnknown: FindingID = "log.outcome-unknown"
    /// `log.tail-only`: no startup within the scan limit of a large log's end; only that part was read.
    public static let logTailOnly: FindingID = "log.tail-only"
}
