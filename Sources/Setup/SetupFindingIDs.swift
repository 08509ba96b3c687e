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

/// The fix ids of setup's own findings.
extension FixID {
    /// `setup.read-log`: explain mongod's log.
    public static let setupReadLog: FixID = "setup.read-log"
    /// `setup.wait-longer`: run setup again with a longer `--wait`.
    public static let setupWaitLonger: FixID = "setup.wait-longer"
    /// `setup.replace-env`: run setup again with `--yes` to replace the env file's MONGODB_URI.
    public static let setupReplaceEnv: FixID = "setup.replace-env"
}

/// The check id under which setup reports its own findings.
extension CheckID {
    /// `setup`.
    public static let setup: CheckID = "setup"
}
