public import DoctorCore

/// The fix ids of setup's own findings.
extension FixID {
    /// `setup.read-log`: explain mongod's log.
    public static let setupReadLog: FixID = "setup.read-log"
    /// `setup.wait-longer`: run setup again with a longer `--wait`.
    public static let setupWaitLonger: FixID = "setup.wait-longer"
    /// `setup.replace-env`: run setup again with `--yes` to replace the env file's MONGODB_URI.
    public static let setupReplaceEnv: FixID = "setup.replace-env"
}
