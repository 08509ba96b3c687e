import ConnectionString
public import DoctorCore

/// What the `dns` stage resolved: the seeds (from the URI, or from SRV) and their addresses.
public struct DNSAnswers: Sendable {
    /// Each seed and the addresses it resolved to (empty when it did not resolve).
    public var addresses: [(endpoint: Endpoint, addresses: [ResolvedAddress])]
}

/// `dns`: resolves every seed (all A/AAAA addresses); for `mongodb+srv`, first the SRV and TXT records.
public struct DNSCheck: DoctorCheck {
    public let id: CheckID = .dns
    public let title = "DNS"
    public let prerequisites: [CheckID] = [.uri]

    let resolver: any HostResolver

    /// Creates the stage with an injected resolver.
    public init(resolver: any HostResolver = LiveResolver()) { self.resolver = resolver }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self) else { return .notApplicable("no parsed connection string") }
        var findings: [Finding] = []
        var seeds = target.seeds
        if target.isSRV, let host = target.parsed.hosts.first?.host {
            let srv = await SRVLookup(resolver: resolver, timeout: context.timeout).run(host: host, target: target)
            findings += srv.findings
            guard let found = srv.seeds else { return CheckOutcome(detail: srv.findings.first?.title ?? "SRV lookup failed", findings: findings) }
            seeds = found
        }
        guard !seeds.isEmpty else {
            if target.isSRV { return CheckOutcome(detail: findings.first?.title ?? "SRV gave no usable host", findings: findings) }
            return .notApplicable("the URI names only Unix domain sockets")
        }
        let timeout = context.timeout
        let resolved = await withTaskGroup(of: (Int, Result<[ResolvedAddress], DNSFailure>).self) { group in
            for (index, seed) in seeds.enumerated() {
                group.addTask {
                    do throws(DNSFailure) { return (index, .success(try await resolver.addresses(of: seed.host, timeout: timeout))) }
                    catch { return (index, .failure(error)) }
                }
            }
            var all: [(Int, Result<[ResolvedAddress], DNSFailure>)] = []
            for await item in group { all.append(item) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var answers: [(endpoint: Endpoint, addresses: [ResolvedAddress])] = []
        var lines: [String] = []
        for (seed, result) in zip(seeds, resolved) {
            switch result {
            case .success(let addresses):
                answers.append((seed, addresses))
                lines.append("\(seed.host) → \(addresses.map(\.ip).joined(separator: ", "))")
            case .failure(let failure):
                answers.append((seed, []))
                findings.append(Self.notFound(seed.host, failure: failure, isOnlySeed: seeds.count == 1))
            }
        }
        context.publish(DNSAnswers(addresses: answers))
        let anyResolved = answers.contains { !$0.addresses.isEmpty }
        if !anyResolved, !findings.contains(where: { $0.severity == .error }) {
            findings = findings.map { var f = $0; f.severity = .error; return f }
        }
        return CheckOutcome(detail: lines.isEmpty ? "no seed resolved" : lines.joined(separator: "; "), findings: findings)
    }

    static func notFound(_ host: String, failure: DNSFailure, isOnlySeed: Bool) -> Finding {
        Finding(
            id: .dnsNotFound, severity: isOnlySeed ? .error : .warning,
            title: "The host name \(host) does not resolve (\(failure.explanation))",
            detail: "Check the spelling. Names of docker-compose services resolve only inside their compose network; from the host use 127.0.0.1 and the published port.",
            evidence: ["getaddrinfo(\(host)): \(failure.explanation)"],
            fixes: [Fix(id: .dnsCheckName, summary: "Check the name resolves on this machine", commands: ["getent hosts \(host)"])],
            values: ["host": host, "reason": failure.explanation])
    }
}
