public import DoctorChecks

/// Decides whether a connection target is this machine, which (with "nothing answers") is when
/// the local mongod checks run without being asked.
public struct LocalTargetRule: Sendable {
    /// This machine's own host name, lower case.
    public var hostName: String

    /// Creates the rule for a machine called `hostName`.
    public init(hostName: String) { self.hostName = hostName.lowercased() }

    /// Whether every seed of `target` is this machine (`localhost`, 127.0.0.0/8, `::1`, its host name);
    /// `mongodb+srv` targets never are.
    public func isLocal(_ target: ConnectionTarget) -> Bool {
        let names: Set<String> = ["localhost", "::1", hostName]
        return !target.isSRV && !target.seeds.isEmpty
            && target.seeds.allSatisfy { names.contains($0.host.lowercased()) || $0.host.hasPrefix("127.") }
    }
}
