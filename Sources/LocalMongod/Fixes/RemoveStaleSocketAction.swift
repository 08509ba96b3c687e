import BlockingWork
public import DoctorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a stale mongod Unix socket file, re-checking at the moment of removal that it is
/// still a socket, still owned by someone other than the service user, and that nothing
/// listens on the port. Anything else is left alone and reported.
public struct RemoveStaleSocketAction: FixAction {
    /// The socket file (`/tmp/mongodb-27017.sock`).
    public let path: String
    /// The TCP port of the mongod that would own it.
    public let port: Int
    /// The service user's uid; a socket it owns is never removed (mongod replaces it itself).
    public let serviceUID: UInt32
    let files: any FileSystemProbe
    let ports: any PortProbe

    /// Creates the action.
    public init(path: String, port: Int, serviceUID: UInt32, files: any FileSystemProbe, ports: any PortProbe) {
        self.path = path
        self.port = port
        self.serviceUID = serviceUID
        self.files = files
        self.ports = ports
    }

    /// Makes the change on a dedicated thread (file-system calls block).
    public func apply() async throws {
        try await BlockingExecutor.dedicatedThread { try self.applyBlocking() }
    }

    /// The change itself; blocks.
    func applyBlocking() throws {
        guard let status = files.linkStatus(ofPath: path) else { return }  // already gone
        guard status.kind == .socket else { throw FixActionError("\(path) is not a socket; left alone") }
        guard status.uid != serviceUID else {
            throw FixActionError("\(path) is owned by the service user; mongod replaces it itself")
        }
        guard !ports.isListening(port: port, timeout: .seconds(1)) else {
            throw FixActionError("something listens on port \(port); \(path) may be in use and was left alone")
        }
        guard !ports.unixSocketAccepts(path: path) else {
            throw FixActionError("a process accepts connections on \(path); it is not stale and was left alone")
        }
        guard unlink(path) == 0 else {
            throw FixActionError("unlink \(path): \(String(cString: strerror(errno)))")
        }
    }
}
