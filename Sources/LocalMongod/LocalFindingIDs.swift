public import DoctorCore

/// The finding ids of the local mongod checks: API, listed in the README; never renamed silently.
extension FindingID {
    /// `bindip.not-local`: bindIp address … is not an address of this host.
    public static let bindipNotLocal: FindingID = "bindip.not-local"
    /// `config.invalid-value`: net.port in … is not a port number from 1 to 65535.
    public static let configInvalidValue: FindingID = "config.invalid-value"
    /// `config.invalid-yaml`: … is not valid YAML at line …, column.
    public static let configInvalidYaml: FindingID = "config.invalid-yaml"
    /// `config.unknown-option`: Unknown option … at line.
    public static let configUnknownOption: FindingID = "config.unknown-option"
    /// `config.unreadable`: The configuration file cannot be read.
    public static let configUnreadable: FindingID = "config.unreadable"
    /// `dbpath.in-use`: … is locked by.
    public static let dbpathInUse: FindingID = "dbpath.in-use"
    /// `dbpath.low-space`: Only … free on the file system holding.
    public static let dbpathLowSpace: FindingID = "dbpath.low-space"
    /// `dbpath.missing`: The data directory … does not exist.
    public static let dbpathMissing: FindingID = "dbpath.missing"
    /// `dbpath.not-directory`: The dbpath … is not a directory.
    public static let dbpathNotDirectory: FindingID = "dbpath.not-directory"
    /// `dbpath.not-writable`: … by the service user.
    public static let dbpathNotWritable: FindingID = "dbpath.not-writable"
    /// `dbpath.unclean-shutdown`: mongod.lock is not empty but no process holds it: the last shutdown was not clean.
    public static let dbpathUncleanShutdown: FindingID = "dbpath.unclean-shutdown"
    /// `dbpath.wrong-owner`: … file\(foreign.total == 1 ?.
    public static let dbpathWrongOwner: FindingID = "dbpath.wrong-owner"
    /// `kernel.thp`: Transparent huge pages are set to 'always'.
    public static let kernelThp: FindingID = "kernel.thp"
    /// `keyfile.invalid-content`: The key file is not base64 or has the wrong length.
    public static let keyfileInvalidContent: FindingID = "keyfile.invalid-content"
    /// `keyfile.too-open`: Permissions on the key file are too open.
    public static let keyfileTooOpen: FindingID = "keyfile.too-open"
    /// `keyfile.unreadable`: The key file does not exist or the service user cannot read it.
    public static let keyfileUnreadable: FindingID = "keyfile.unreadable"
    /// `limits.open-files`: Open-files limit is …, below the recommended.
    public static let limitsOpenFiles: FindingID = "limits.open-files"
    /// `logpath.not-writable`.
    public static let logpathNotWritable: FindingID = "logpath.not-writable"
    /// `mongod.not-found`: No mongod binary on PATH or in the usual install directories.
    public static let mongodNotFound: FindingID = "mongod.not-found"
    /// `mongod.not-running`: No mongod process is running on this host.
    public static let mongodNotRunning: FindingID = "mongod.not-running"
    /// `port.in-use`.
    public static let portInUse: FindingID = "port.in-use"
    /// `security.no-access-control`: Access control is off while mongod listens beyond localhost.
    public static let securityNoAccessControl: FindingID = "security.no-access-control"
    /// `security.running-as-root`: mongod … runs as root.
    public static let securityRunningAsRoot: FindingID = "security.running-as-root"
    /// `socket.stale`: Stale socket … owned by …?.name ??.
    public static let socketStale: FindingID = "socket.stale"
}
