public import DoctorCore

/// The endpoints the `tcp` stage reached, with the address that answered.
public struct ReachableEndpoints: Sendable {
    /// Each endpoint that answered, and how.
    public var endpoints: [(endpoint: Endpoint, address: ResolvedAddress)]
    /// Whether anything accepted a TCP connection at all (even if it then spoke no MongoDB or only TLS):
    /// then a server runs there and "nothing is listening" is not the problem.
    public var somethingListens: Bool
    /// Every address dialled, in order, with what answered there (the wire answer to `hello` over
    /// plaintext): what the local checks use to tell mongod from another program on its port.
    public var attempts: [DialAttempt] = []
    /// Endpoints that closed a plaintext `hello` but completed a TLS handshake: a TLS-only server.
    public var tlsOnly: [Endpoint] = []
}

/// `tcp`: connects to every resolved address of every seed, concurrently. Over plaintext it sends a
/// MongoDB `hello` so it can tell MongoDB from something else on the port; it changes nothing.
public struct TCPCheck: DoctorCheck {
    public let id: CheckID = .tcp
    public let title = "TCP connection"
    public let prerequisites: [CheckID] = [.dns]

    let dialer: any Dialer
    let tlsProber: (any TLSProber)?

    /// Creates the stage; `tlsProber` lets it recognise a TLS-only server behind a plaintext URI.
    public init(dialer: any Dialer = LiveDialer(), tlsProber: (any TLSProber)? = nil) {
        self.dialer = dialer
        self.tlsProber = tlsProber
    }

    typealias Attempt = DialAttempt

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self), let dns = context.fact(DNSAnswers.self) else {
            return .notApplicable("nothing resolved")
        }
        let sendHello = !target.usesTLS
        let timeout = context.timeout
        let dialer = self.dialer
        let attempts = await withTaskGroup(of: (Int, Attempt).self) { group in
            var index = 0
            for (endpoint, addresses) in dns.addresses {
                for address in addresses {
                    let i = index
                    group.addTask {
                        (i, Attempt(endpoint: endpoint, address: address,
                                    outcome: await dialer.dial(address, port: endpoint.port, timeout: timeout, sendHello: sendHello)))
                    }
                    index += 1
                }
            }
            var all: [(Int, Attempt)] = []
            for await item in group { all.append(item) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return await assess(attempts, target: target, context: context)
    }

    private func assess(_ attempts: [Attempt], target: ConnectionTarget, context: CheckContext) async -> CheckOutcome {
        var findings: [Finding] = []
        var reachable: [(endpoint: Endpoint, address: ResolvedAddress)] = []
        var tlsOnly: [Endpoint] = []
        let endpoints = attempts.map(\.endpoint).reduce(into: [Endpoint]()) { if !$0.contains($1) { $0.append($1) } }
        for endpoint in endpoints {
            let mine = attempts.filter { $0.endpoint == endpoint }
            if let good = mine.first(where: { Self.isGood($0.outcome) }) {
                reachable.append((endpoint, good.address))
                if let warning = LocalhostIPv6.finding(endpoint: endpoint, attempts: mine) { findings.append(warning) }
                continue
            }
            guard let first = mine.first else { continue }
            let finding = await TCPFindings(context: context, tlsProber: tlsProber, target: target).finding(for: first, all: mine)
            if finding.id == .tlsRequired { tlsOnly.append(endpoint) }
            findings.append(finding)
        }
        let accepted = attempts.contains { if case .connected = $0.outcome { true } else { false } }
        context.publish(ReachableEndpoints(endpoints: reachable, somethingListens: accepted, attempts: attempts, tlsOnly: tlsOnly))
        if !reachable.isEmpty {
            // Some seeds answer: the driver can still connect, so dead seeds are warnings.
            findings = findings.map { var f = $0; if f.severity == .error { f.severity = .warning }; return f }
        }
        let detail = reachable.isEmpty
            ? (findings.first?.title ?? "no address answered")
            : "connected to " + reachable.map { "\($0.endpoint) (\($0.address.ip))" }.joined(separator: ", ")
        return CheckOutcome(detail: detail, findings: findings)
    }

    static func isGood(_ outcome: DialOutcome) -> Bool {
        switch outcome {
        case .connected(answer: nil), .connected(answer: .mongodb?): true
        default: false
        }
    }
}

/// `dns.localhost-ipv6`: `localhost` resolves to ::1 too, but only 127.0.0.1 answers.
enum LocalhostIPv6 {
    static func finding(endpoint: Endpoint, attempts: [TCPCheck.Attempt]) -> Finding? {
        guard endpoint.host == "localhost",
            let v6 = attempts.first(where: { $0.address.family == .ipv6 }), !TCPCheck.isGood(v6.outcome),
            attempts.contains(where: { $0.address.family == .ipv4 && TCPCheck.isGood($0.outcome) })
        else { return nil }
        return Finding(
            id: .dnsLocalhostIpv6, severity: .warning,
            title: "localhost resolves to ::1, but the server answers only on 127.0.0.1",
            detail: "Swift and C drivers try every address and connect; Node.js 17+ tries ::1 first and fails with ECONNREFUSED ::1:\(endpoint.port).",
            evidence: attempts.map { "\($0.address):\($0.endpoint.port) → \(String(describing: $0.outcome))" },
            fixes: [
                Fix(id: .uriUse127001, summary: "Use 127.0.0.1 instead of localhost in the connection string"),
                Fix(id: .mongodEnableIpv6, summary: "Or let mongod listen on ::1 too (mongod.conf: net.ipv6: true, net.bindIp: 127.0.0.1,::1)"),
            ],
            values: ["port": String(endpoint.port)])
    }
}
