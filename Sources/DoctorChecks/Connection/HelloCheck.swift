import ConnectionString
public import DoctorCore
import MongoBridge

/// What the `hello` stage learned from each server it reached.
public struct HelloAnswers: Sendable {
    /// Each reached endpoint and its handshake.
    public var answers: [(endpoint: Endpoint, hello: ServerHello)]
    /// The first answer (the seed the later stages reason about).
    public var first: ServerHello? { answers.first?.hello }
}

/// `hello`: talks to each reachable server directly through libmongoc (`directConnection=true`, no
/// credentials) and reports its version, wire version and role. Changes nothing.
public struct HelloCheck: DoctorCheck {
    public let id: CheckID = .hello
    public let title = "MongoDB handshake"
    public let prerequisites: [CheckID] = [.tls]

    let probe: any ServerProbe
    let classifier = ConnectionErrorClassifier()

    /// Creates the stage.
    public init(probe: any ServerProbe = LiveServerProbe()) { self.probe = probe }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self) else { return .notApplicable("no parsed connection string") }
        let reachable = context.fact(ReachableEndpoints.self)?.endpoints.map(\.endpoint) ?? []
        guard !reachable.isEmpty else { return .notApplicable("no server was reached") }
        let saslUser = target.username.map { "\(target.parsed.option("authSource")?.stringValue ?? target.pathDatabase ?? "admin").\($0)" }
        let probe = self.probe
        let timeout = context.timeout
        let results = await withTaskGroup(of: (Int, Result<ServerHello, MongoError>).self) { group in
            for (index, endpoint) in reachable.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await probe.hello(uri: SeedURI.direct(endpoint, target: target), timeout: timeout, saslUser: saslUser)))
                    } catch let error as MongoError {
                        return (index, .failure(error))
                    } catch {
                        return (index, .failure(MongoError(domain: 0, code: 0, message: String(describing: error))))
                    }
                }
            }
            var all: [(Int, Result<ServerHello, MongoError>)] = []
            for await item in group { all.append(item) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var answers: [(endpoint: Endpoint, hello: ServerHello)] = []
        var findings: [Finding] = []
        for (endpoint, result) in zip(reachable, results) {
            switch result {
            case .success(let hello):
                answers.append((endpoint, hello))
                findings.append(Self.versionFinding(hello, endpoint: endpoint))
            case .failure(let error):
                // The code's title names the server; the catalog's names it through {endpoint}, and
                // the evidence says it for the entries whose title does not.
                var finding = classifier.finding(for: error, scrubber: target.scrubber, target: target, endpoint: endpoint)
                finding.title = "\(endpoint): \(finding.title)"
                finding.evidence.insert("server: \(endpoint)", at: 0)
                findings.append(finding)
            }
        }
        context.publish(HelloAnswers(answers: answers))
        if !answers.isEmpty { findings = findings.map { var f = $0; if f.severity == .error { f.severity = .warning }; return f } }
        let detail = answers.first.map { Self.summary($0.hello) } ?? (findings.first?.title ?? "no server answered")
        return CheckOutcome(detail: detail, findings: findings)
    }

    static func summary(_ hello: ServerHello) -> String {
        let version = hello.version.map { "MongoDB \($0)" } ?? "MongoDB (version not reported)"
        let wire = hello.maxWireVersion.map { ", wire version \($0)" } ?? ""
        return "\(version), \(hello.topologyDescription)\(wire)"
    }

    static func versionFinding(_ hello: ServerHello, endpoint: Endpoint) -> Finding {
        let version = hello.version.map { "MongoDB \($0)" } ?? "MongoDB (version not reported)"
        let wire = hello.maxWireVersion.map { ", wire version \($0)" } ?? ""
        return Finding(id: .serverVersion, severity: .info, title: "\(version) on \(endpoint) (\(hello.topologyDescription)\(wire))",
                evidence: hello.version.map { ["buildInfo.version: \($0)"] } ?? [],
                values: ["version": hello.version ?? "(version not reported)", "endpoint": endpoint.description,
                         "topology": hello.topologyDescription, "wireVersion": hello.maxWireVersion.map(String.init) ?? "unknown"])
    }
}
