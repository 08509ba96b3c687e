import DoctorCore
import Foundation

/// Where `mongod` is and which version it is; published as a fact by `mongod.binary`.
public struct MongodBinary: Sendable, Equatable {
    /// The executable, when found.
    public var path: String?
    /// The version from `mongod --version` (`7.0.5`), when it could be read.
    public var version: String?
    /// The directories searched.
    public var searched: [String]
    /// Why the version could not be read, when it could not.
    public var versionProblem: String?

    /// Creates a binary description.
    public init(path: String?, version: String?, searched: [String], versionProblem: String? = nil) {
        self.path = path
        self.version = version
        self.searched = searched
        self.versionProblem = versionProblem
    }

    /// The major version (`7` for `7.0.5`).
    public var majorVersion: Int? { version.flatMap { Int($0.split(separator: ".").first ?? "") } }
}

/// Finds `mongod` on the search path and the platform's install directories, then asks it
/// for its version (as argv, with a timeout).
struct BinaryLocator {
    let probes: LocalProbes

    func locate(platform: Platform, searchPath: [String]?, timeout: Duration) -> MongodBinary {
        let directories = unique((searchPath ?? probes.host.searchPath()) + installDirectories(platform))
        let name = platform == .windows ? "mongod.exe" : "mongod"
        let found = directories.lazy.map { PlatformDefaults.join($0, name, on: platform) }.first { path in
            guard let status = probes.files.status(ofPath: path), status.kind == .regular else { return false }
            return platform == .windows || status.permissions & 0o111 != 0
        }
        guard let path = found else { return MongodBinary(path: nil, version: nil, searched: directories) }
        guard platform == Platform.current else {
            return MongodBinary(path: path, version: nil, searched: directories, versionProblem: "not run: another platform")
        }
        guard let output = probes.programs.run([path, "--version"], timeout: timeout) else {
            return MongodBinary(path: path, version: nil, searched: directories, versionProblem: "could not be started")
        }
        if output.timedOut {
            return MongodBinary(path: path, version: nil, searched: directories, versionProblem: "`mongod --version` timed out")
        }
        let version = Self.version(in: output.output)
        return MongodBinary(
            path: path, version: version, searched: directories,
            versionProblem: version == nil ? "`mongod --version` printed no version (exit \(output.exitCode ?? -1))" : nil)
    }

    /// `7.0.5` from `db version v7.0.5`.
    static func version(in output: String) -> String? {
        guard let range = output.range(of: "db version v") else { return nil }
        let rest = output[range.upperBound...]
        let version = rest.prefix { !$0.isWhitespace && $0 != "," }
        return version.isEmpty ? nil : String(version)
    }

    private func installDirectories(_ platform: Platform) -> [String] {
        guard platform == .windows else { return PlatformDefaults.binaryDirectories(platform) }
        let root = PlatformDefaults.windowsServerRoot
        return (probes.files.contentsOfDirectory(atPath: root) ?? []).sorted(by: >).map { #"\#(root)\\#($0)\bin"# }
    }

    private func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
