public import DoctorCore
public import LocalMongod

/// How mongod is started on this machine: the platform's service manager when a MongoDB service
/// is installed there, else mongod itself in the background. Detection reads files only (through
/// the injected probe); nothing is run to find out.
public enum MongodStarter: Sendable, Equatable {
    /// systemd's `mongod` unit: `systemctl start mongod`.
    case systemd(unit: String)
    /// Homebrew's `mongodb-community` service: `brew services start mongodb-community`.
    case brew(plist: String)
    /// The Windows service `MongoDB`: `net start MongoDB`, shown as the command to run there.
    case windowsService
    /// `mongod --config FILE` in the background, its log going to the configured file.
    case background

    /// Where systemd keeps unit files.
    static let systemdUnitDirectories = ["/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"]
    /// Where Homebrew keeps its MongoDB service definition.
    static let brewPlists = [
        "/opt/homebrew/opt/mongodb-community/homebrew.mxcl.mongodb-community.plist",
        "/usr/local/opt/mongodb-community/homebrew.mxcl.mongodb-community.plist",
    ]

    /// The starter for `platform`: a service when one is installed (systemd also has to be the
    /// running init, `/run/systemd/system`), else `background`. On Windows it is always the service.
    public static func detect(platform: Platform, files: any FileSystemProbe) -> MongodStarter {
        switch platform {
        case .linux:
            guard files.status(ofPath: "/run/systemd/system")?.kind == .directory else { return .background }
            let name = PlatformDefaults.serviceName(.linux) + ".service"
            let unit = systemdUnitDirectories.map { $0 + "/" + name }.first { files.status(ofPath: $0) != nil }
            return unit.map { .systemd(unit: $0) } ?? .background
        case .macos:
            return brewPlists.first { files.status(ofPath: $0) != nil }.map { .brew(plist: $0) } ?? .background
        case .windows:
            return .windowsService
        }
    }

    /// The service manager's command (argv), or `nil` for `background`.
    public func serviceArgv(platform: Platform) -> [String]? {
        switch self {
        case .systemd: ["systemctl", "start", PlatformDefaults.serviceName(.linux)]
        case .brew: ["brew", "services", "start", PlatformDefaults.serviceName(.macos)]
        case .windowsService: ["net", "start", PlatformDefaults.serviceName(.windows)]
        case .background: nil
        }
    }

    /// One line for the plan.
    public var summary: String {
        switch self {
        case .systemd(let unit): "the systemd unit \(unit)"
        case .brew(let plist): "the Homebrew service \(plist)"
        case .windowsService: "the Windows service MongoDB"
        case .background: "mongod in the background"
        }
    }
}
