import DoctorCore
import Foundation

/// What the local checks of one factory share: the resolved settings and the mongod binary
/// lookup, computed once and reused by every check (checks in one level run concurrently).
final class LocalState: @unchecked Sendable {
    private let settingsLock = NSLock()  // guards `settingsCache`
    private let binaryLock = NSLock()  // guards `binaryCache` (held while `mongod --version` runs)
    private var settingsCache: [Platform: LocalSettings] = [:]
    private var binaryCache: [Platform: MongodBinary] = [:]

    let setup: LocalSetup
    let probes: LocalProbes

    init(setup: LocalSetup, probes: LocalProbes) {
        self.setup = setup
        self.probes = probes
    }

    /// The platform a run uses: the setup's, else the context's.
    func platform(in context: CheckContext) -> Platform { setup.platform ?? context.platform }

    /// The effective settings for the run's platform.
    func settings(in context: CheckContext) -> LocalSettings {
        let platform = platform(in: context)
        settingsLock.lock()
        defer { settingsLock.unlock() }
        if let cached = settingsCache[platform] { return cached }
        let resolved = SettingsResolver(probes: probes).resolve(setup, platform: platform)
        settingsCache[platform] = resolved
        return resolved
    }

    /// The mongod binary and its version for the run's platform.
    func binary(in context: CheckContext) -> MongodBinary {
        let platform = platform(in: context)
        binaryLock.lock()
        defer { binaryLock.unlock() }
        if let cached = binaryCache[platform] { return cached }
        let found = BinaryLocator(probes: probes).locate(
            platform: platform, searchPath: setup.searchPath, timeout: context.timeout)
        binaryCache[platform] = found
        return found
    }

    /// The service user's account, when it exists on this host.
    func serviceAccount(_ settings: LocalSettings) -> UserIdentity? {
        probes.users.user(named: settings.serviceUser.value)
    }
}
