public import DoctorCore

/// The finding ids `mongo-doctor setup` reports itself (worded in `Diagnostics/setup.json`): API,
/// listed in the README; never renamed silently. Everything else setup shows comes from `check`,
/// the log analysis and `provision`, under their own ids.
extension FindingID {
    /// `setup.mongod-exited`: mongod exited before it answered, and its log does not name a cause.
    public static let setupMongodExited: FindingID = "setup.mongod-exited"
    /// `setup.wait-timeout`: mongod was started but did not answer `hello` within `--wait` seconds.
    public static let setupWaitTimeout: FindingID = "setup.wait-timeout"
    /// `setup.start-failed`: the start command failed (the service manager said no, or mongod could not be started).
    public static let setupStartFailed: FindingID = "setup.start-failed"
    /// `setup.env-conflict`: the env file already sets another MONGODB_URI; replaced only with `--yes`.
    public static let setupEnvConflict: FindingID = "setup.env-conflict"
}
