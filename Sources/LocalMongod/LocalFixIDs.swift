public import DoctorCore

/// The fix ids of the local mongod checks: API, listed in the README; never renamed silently.
extension FixID {
    /// `bindip.edit`: Set net.bindIp in … to addresses this host has (127.0.0.1 and one listed here).
    public static let bindipEdit: FixID = "bindip.edit"
    /// `config.fix-permissions`: Check the path, and make the file readable by the service user.
    public static let configFixPermissions: FixID = "config.fix-permissions"
    /// `config.fix-port`: Set net.port to a number from 1 to 65535 (27017 is the default).
    public static let configFixPort: FixID = "config.fix-port"
    /// `config.fix-yaml`: Edit line …: indent with spaces only, put a space after each ':',.
    public static let configFixYaml: FixID = "config.fix-yaml"
    /// `config.rename-option`.
    public static let configRenameOption: FixID = "config.rename-option"
    /// `dbpath.choose-directory`: Point storage.dbPath (or --dbpath) at a directory, or move this file aside and create the directory.
    public static let dbpathChooseDirectory: FixID = "dbpath.choose-directory"
    /// `dbpath.chown`: Give the data directory to … (run by hand; not automatic).
    public static let dbpathChown: FixID = "dbpath.chown"
    /// `dbpath.connect-running`: A server already runs on this dbpath: connect to it instead of starting another.
    public static let dbpathConnectRunning: FixID = "dbpath.connect-running"
    /// `dbpath.create-directory`: Or point storage.dbPath in … (or --dbpath) at an existing data directory.
    public static let dbpathCreateDirectory: FixID = "dbpath.create-directory"
    /// `dbpath.free-space`: Free space on that volume or move the dbpath to a larger one.
    public static let dbpathFreeSpace: FixID = "dbpath.free-space"
    /// `dbpath.repair`: Only if mongod does not start: back up, then repair (run by hand).
    public static let dbpathRepair: FixID = "dbpath.repair"
    /// `dbpath.stop-holder`: Or stop it first (never delete mongod.lock while it is held).
    public static let dbpathStopHolder: FixID = "dbpath.stop-holder"
    /// `dbpath.use-existing`: Or point storage.dbPath in … (or --dbpath) at an existing data directory.
    public static let dbpathUseExisting: FixID = "dbpath.use-existing"
    /// `kernel.disable-thp`: Set transparent_hugepage to never (and make it permanent with a systemd unit or the kernel command line).
    public static let kernelDisableThp: FixID = "kernel.disable-thp"
    /// `keyfile.chmod`: Make the key file private.
    public static let keyfileChmod: FixID = "keyfile.chmod"
    /// `keyfile.chown`: Give the key file to.
    public static let keyfileChown: FixID = "keyfile.chown"
    /// `keyfile.regenerate`: Write a new key of base64 characters and copy it to every member.
    public static let keyfileRegenerate: FixID = "keyfile.regenerate"
    /// `limits.raise-open-files`.
    public static let limitsRaiseOpenFiles: FixID = "limits.raise-open-files"
    /// `logpath.chown`: Give the log file to … (run by hand).
    public static let logpathChown: FixID = "logpath.chown"
    /// `logpath.create-directory`.
    public static let logpathCreateDirectory: FixID = "logpath.create-directory"
    /// `mongod.install-apt`: Debian/Ubuntu: add MongoDB's apt repository (see the install guide), then install mongodb-org.
    public static let mongodInstallApt: FixID = "mongod.install-apt"
    /// `mongod.install-brew`: Install with Homebrew.
    public static let mongodInstallBrew: FixID = "mongod.install-brew"
    /// `mongod.install-dnf`: RHEL/Fedora: add MongoDB's yum repository, then install mongodb-org.
    public static let mongodInstallDnf: FixID = "mongod.install-dnf"
    /// `mongod.install-winget`: Install MongoDB Server with winget (or the MSI installer).
    public static let mongodInstallWinget: FixID = "mongod.install-winget"
    /// `mongod.start-service`: Start the mongod service.
    public static let mongodStartService: FixID = "mongod.start-service"
    /// `port.choose-other`: Or run mongod on another port (net.port in …, or --port).
    public static let portChooseOther: FixID = "port.choose-other"
    /// `port.find-holder`: See which program holds port.
    public static let portFindHolder: FixID = "port.find-holder"
    /// `port.stop-holder`: Or stop that program (run by hand).
    public static let portStopHolder: FixID = "port.stop-holder"
    /// `security.enable-authorization`: Create an admin user, then set security.authorization: enabled in ….configFile(settings)) and restart.
    public static let securityEnableAuthorization: FixID = "security.enable-authorization"
    /// `security.run-as-service-user`: Stop it and start mongod as the service user (then check dbpath ownership).
    public static let securityRunAsServiceUser: FixID = "security.run-as-service-user"
    /// `socket.remove-stale`: Remove the stale socket file (only a socket, and only while nothing listens).
    public static let socketRemoveStale: FixID = "socket.remove-stale"
}
