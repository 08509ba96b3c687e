public import DoctorCore

/// `topology`: compares the replica set the URI expects with what the server says, and checks that
/// every member the server advertises can be resolved and reached from this machine (the
/// docker-compose classic: members named `mongo1`, reachable only inside the compose network).
public struct TopologyCheck: DoctorCheck {
    public let id: CheckID = .topology
    public let title = "Topology"
    public let prerequisites: [CheckID] = [.hello]

    let resolver: any HostResolver
    let dialer: any Dialer

    /// Creates the stage.
    public init(resolver: any HostResolver = LiveResolver(), dialer: any Dialer = LiveDialer()) {
        self.resolver = resolver
        self.dialer = dialer
    }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self), let hello = context.fact(HelloAnswers.self)?.first else {
            return .notApplicable("no server answered hello")
        }
        var findings: [Finding] = []
        if let expected = target.replicaSet, hello.setName != expected {
            findings.append(setNameMismatch(expected: expected, actual: hello.setName))
        }
        if let setName = hello.setName, hello.primary == nil, !hello.isWritablePrimary {
            findings.append(Finding(id: .topologyNoPrimary, severity: .error,
                                    title: "The replica set \(setName) has no primary: writes will fail",
                                    detail: "The set may still be electing, or too few members are up to elect a primary.",
                                    evidence: ["hello.hosts: \(hello.hosts.joined(separator: ", "))", "hello.primary: (none)"],
                                    fixes: [Fix(id: .topologyCheckMembers, summary: "Check the members are running and can reach each other (rs.status())")],
                                    values: ["setName": setName]))
        }
        guard let setName = hello.setName, !target.directConnection, !hello.isMongos else {
            return CheckOutcome(detail: hello.topologyDescription, findings: findings)
        }
        let members = hello.hosts.compactMap(Endpoint.init(parsing:))
        findings += await MemberReachability(resolver: resolver, dialer: dialer, timeout: context.timeout)
            .findings(for: members, target: target)
        let detail = "replica set \(setName): \(members.count) member\(members.count == 1 ? "" : "s") (\(hello.hosts.joined(separator: ", ")))"
        return CheckOutcome(detail: detail, findings: findings)
    }

    private func setNameMismatch(expected: String, actual: String?) -> Finding {
        let title = actual.map { "The URI expects replica set \(expected), but the server belongs to \($0)" }
            ?? "The URI expects replica set \(expected), but the server is not a replica-set member"
        return Finding(
            id: .topologySetNameMismatch, severity: .error, title: title,
            detail: "libmongoc says only \"No suitable servers found\" in this case.",
            evidence: ["URI replicaSet=\(expected)", "server setName: \(actual ?? "(none)")"],
            fixes: [Fix(id: .uriFixReplicaSet,
                        summary: actual.map { "Use replicaSet=\($0) in the connection string" } ?? "Remove replicaSet from the connection string")],
            values: ["expected": expected, "membership": actual.map { "belongs to \($0)" } ?? "is not a replica-set member"])
    }
}

/// Resolves and dials every advertised member, concurrently.
struct MemberReachability {
    let resolver: any HostResolver
    let dialer: any Dialer
    let timeout: Duration

    func findings(for members: [Endpoint], target: ConnectionTarget) async -> [Finding] {
        let resolver = self.resolver, dialer = self.dialer, timeout = self.timeout
        let problems = await withTaskGroup(of: (Int, String?, String?).self) { group in
            for (index, member) in members.enumerated() {
                group.addTask {
                    let addresses: [ResolvedAddress]
                    do throws(DNSFailure) { addresses = try await resolver.addresses(of: member.host, timeout: timeout) } catch {
                        return (index, "\(member): \(error.explanation)", nil)
                    }
                    for address in addresses {
                        let outcome = await dialer.dial(address, port: member.port, timeout: timeout, sendHello: false)
                        if case .connected = outcome { return (index, nil, nil) }
                    }
                    return (index, nil, "\(member): no address answered (\(addresses.map(\.ip).joined(separator: ", ")))")
                }
            }
            var all: [(Int, String?, String?)] = []
            for await item in group { all.append(item) }
            return all.sorted { $0.0 < $1.0 }
        }
        let unresolvable = problems.compactMap(\.1), unreachable = problems.compactMap(\.2)
        var findings: [Finding] = []
        let fixes = memberFixes(target)
        let values = target.seeds.first.map { ["seed": $0.description] } ?? [:]
        if !unresolvable.isEmpty {
            findings.append(Finding(id: .topologyMemberUnresolvable, severity: .error,
                                    title: "Replica-set members advertise names this machine cannot resolve",
                                    detail: "The driver connects to the seed, then switches to the names the set advertises; if they do not resolve here, every operation fails.",
                                    evidence: unresolvable, fixes: fixes, values: values))
        }
        if !unreachable.isEmpty {
            findings.append(Finding(id: .topologyMemberUnreachable, severity: .error,
                                    title: "Replica-set members advertise addresses this machine cannot reach",
                                    evidence: unreachable, fixes: fixes, values: values))
        }
        return findings
    }

    private func memberFixes(_ target: ConnectionTarget) -> [Fix] {
        var fixes: [Fix] = []
        if !target.isSRV, let seed = target.seeds.first, target.seeds.count == 1 {
            fixes.append(Fix(id: .uriDirectConnection, summary: "Talk to this one server only: mongodb://\(seed)/?directConnection=true"))
        }
        fixes.append(Fix(id: .topologyReachableNames,
                         summary: "Make the advertised names resolvable here (/etc/hosts), or rs.reconfig() the set with names clients can reach"))
        return fixes
    }
}
