import ConnectionString
import DoctorCore

/// The SRV and TXT part of the `dns` stage for `mongodb+srv` URIs.
struct SRVLookup {
    let resolver: any HostResolver
    let timeout: Duration

    /// The seeds SRV gave (nil when the lookup failed) and the findings.
    struct Result {
        var seeds: [Endpoint]?
        var findings: [Finding]
    }

    /// TXT options a `mongodb+srv` record may set (Initial DNS Seedlist Discovery spec).
    static let allowedTXTOptions: Set<String> = ["authsource", "replicaset", "loadbalanced"]

    func run(host: String, target: ConnectionTarget) async -> Result {
        let service = target.parsed.option("srvServiceName")?.stringValue ?? "mongodb"
        let name = "_\(service)._tcp.\(host)"
        let records: [SRVRecord]
        do throws(DNSFailure) {
            records = try await resolver.srvRecords(of: name, timeout: timeout)
        } catch {
            let blocked: Bool = if case .temporary = error { true } else { false }
            return Result(seeds: nil, findings: [Finding(
                id: .dnsSrvNotFound, severity: .error,
                title: "The SRV record \(name) was not found (\(error.explanation))",
                detail: blocked
                    ? "The DNS server did not answer the SRV query; home routers, VPNs and some corporate resolvers block SRV lookups."
                    : "Check the cluster name in the connection string (copy it again from your provider).",
                evidence: ["SRV \(name): \(error.explanation)"],
                fixes: [Fix(id: .dnsQuerySrv, summary: "Query the record yourself; if a public resolver finds it, your DNS server is the problem",
                            commands: ["dig SRV \(name)", "dig @8.8.8.8 SRV \(name)"])],
                values: ["name": name, "reason": error.explanation])])
        }
        var findings: [Finding] = []
        let parent = host.split(separator: ".").dropFirst().joined(separator: ".")
        let outside = records.filter { !$0.target.hasSuffix("." + parent) }
        if !outside.isEmpty {
            findings.append(Finding(
                id: .dnsSrvNotFound, severity: .error,
                title: "SRV targets must be in the domain \(parent); drivers refuse \(outside.map(\.target).joined(separator: ", "))",
                evidence: records.map { "SRV \($0.priority) \($0.weight) \($0.port) \($0.target)" },
                values: ["name": name, "reason": "drivers refuse targets outside \(parent) (\(outside.map(\.target).joined(separator: ", ")))"]))
        }
        findings += await txtFindings(host: host)
        let seeds = records.filter { $0.target.hasSuffix("." + parent) }.map { Endpoint(host: $0.target, port: $0.port) }
        return Result(seeds: seeds, findings: findings)
    }

    private func txtFindings(host: String) async -> [Finding] {
        let records: [String]
        do throws(DNSFailure) { records = try await resolver.txtRecords(of: host, timeout: timeout) } catch {
            if case .notFound = error { return [] }
            if case .noData = error { return [] }
            return [Finding(id: .dnsSrvTxtInvalid, severity: .warning, title: "The TXT record of \(host) could not be read (\(error.explanation))",
                            values: ["host": host, "reason": "it could not be read (\(error.explanation))"])]
        }
        if records.count > 1 {
            return [Finding(id: .dnsSrvTxtInvalid, severity: .error, title: "\(host) has \(records.count) TXT records; drivers accept at most one",
                            evidence: records.map { "TXT \($0)" },
                            values: ["host": host, "reason": "it has \(records.count) records; drivers accept at most one"])]
        }
        guard let txt = records.first else { return [] }
        let keys = txt.split(separator: "&").map { String($0.split(separator: "=").first ?? "").lowercased() }
        let bad = keys.filter { !Self.allowedTXTOptions.contains($0) }
        guard !bad.isEmpty else { return [] }
        return [Finding(id: .dnsSrvTxtInvalid, severity: .error,
                        title: "The TXT record of \(host) sets options drivers refuse there: \(bad.joined(separator: ", "))",
                        detail: "Only authSource, replicaSet and loadBalanced may come from TXT.", evidence: ["TXT \(txt)"],
                        values: ["host": host, "reason": "it sets options drivers refuse there: \(bad.joined(separator: ", "))"])]
    }
}
