public import DoctorCore

/// The static checks of a local mongod setup, in report order.
///
/// ```swift
/// let checks = LocalChecks.make(setup: LocalSetup(configPath: "/etc/mongod.conf"), probes: .live)
/// let results = await CheckRunner().run(checks, in: CheckContext(platform: .linux))
/// ```
///
/// Check ids: `mongod.binary`, `config.parse`, `dbpath`, `port`, `socket`, `logpath`, `keyfile`,
/// `security`. They share one resolution of the effective settings (flags > config > defaults),
/// which `config.parse` also publishes as a `LocalSettings` fact; `mongod.binary` publishes a
/// `MongodBinary` fact. The checks never print; their only automatic fixes create a missing
/// dbpath or log directory and remove a stale socket file.
public enum LocalChecks {
    /// The checks for `setup`, looking at the world through `probes`.
    public static func make(setup: LocalSetup, probes: LocalProbes = .live) -> [any DoctorCheck] {
        let state = LocalState(setup: setup, probes: probes)
        return [
            BinaryCheck(state: state),
            ConfigParseCheck(state: state),
            DbPathCheck(state: state),
            PortCheck(state: state),
            SocketCheck(state: state),
            LogPathCheck(state: state),
            KeyFileCheck(state: state),
            SecurityCheck(state: state),
        ]
    }
}
