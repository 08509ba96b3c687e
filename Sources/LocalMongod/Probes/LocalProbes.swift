/// The outside world the local checks look at, one probe per concern.
///
/// `LocalProbes.live` reads this machine; tests replace single probes (for example a
/// `LiveHost` whose sysfs root is a temporary directory).
public struct LocalProbes: Sendable {
    /// Files and directories.
    public var files: any FileSystemProbe
    /// Listening ports.
    public var ports: any PortProbe
    /// Running processes.
    public var processes: any ProcessProbe
    /// Users and groups.
    public var users: any UserDirectory
    /// Limits, interfaces, search path, sysfs.
    public var host: any HostProbe
    /// Running `mongod --version`.
    public var programs: any ProgramRunner

    /// Creates a set of probes.
    public init(
        files: any FileSystemProbe, ports: any PortProbe, processes: any ProcessProbe,
        users: any UserDirectory, host: any HostProbe, programs: any ProgramRunner
    ) {
        self.files = files
        self.ports = ports
        self.processes = processes
        self.users = users
        self.host = host
        self.programs = programs
    }

    /// The real implementations, reading this machine.
    public static var live: LocalProbes {
        LocalProbes(
            files: LiveFileSystem(), ports: LivePortProbe(), processes: LiveProcessProbe(),
            users: LiveUserDirectory(), host: LiveHost(), programs: LiveProgramRunner())
    }
}
