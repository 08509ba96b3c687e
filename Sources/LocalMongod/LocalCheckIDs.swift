public import DoctorCore

/// The check ids of the local mongod checks: API, listed in the README; never renamed silently.
extension CheckID {
    /// `config.parse`.
    public static let configParse: CheckID = "config.parse"
    /// `dbpath`.
    public static let dbpath: CheckID = "dbpath"
    /// `keyfile`.
    public static let keyfile: CheckID = "keyfile"
    /// `logpath`.
    public static let logpath: CheckID = "logpath"
    /// `mongod.binary`.
    public static let mongodBinary: CheckID = "mongod.binary"
    /// `port`.
    public static let port: CheckID = "port"
    /// `security`.
    public static let security: CheckID = "security"
    /// `socket`.
    public static let socket: CheckID = "socket"
}
