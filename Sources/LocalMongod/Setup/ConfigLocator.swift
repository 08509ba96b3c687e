import Foundation
import DoctorCore

/// Finds the mongod configuration file in the usual places of a platform.
struct ConfigLocator {
    let files: any FileSystemProbe

    /// The places looked at, for the report (Windows: one per installed server version).
    func candidates(for platform: Platform) -> [String] {
        guard platform == .windows else { return PlatformDefaults.configCandidates(platform) }
        let root = PlatformDefaults.windowsServerRoot
        let versions = (files.contentsOfDirectory(atPath: root) ?? []).sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        let found = versions.map { #"\#(root)\\#($0)\bin\mongod.cfg"# }
        return found.isEmpty ? [PlatformDefaults.windowsConfigPattern] : found
    }

    /// The first candidate that exists as a file.
    func locate(for platform: Platform) -> String? {
        candidates(for: platform).first { path in
            guard let status = files.status(ofPath: path) else { return false }
            return status.kind != .directory
        }
    }
}
