public import DoctorCore
import Foundation
import TLSProbe

/// `tls`: when the URI asks for TLS (explicitly or through `mongodb+srv`), does the handshake itself
/// and verifies the certificate, so a failure is named precisely (untrusted, hostname, expired, CA file).
public struct TLSCheck: DoctorCheck {
    public let id: CheckID = .tls
    public let title = "TLS"
    public let prerequisites: [CheckID] = [.tcp]

    let prober: (any TLSProber)?
    let dialer: any Dialer

    /// Creates the stage; without a prober it reports itself not applicable.
    public init(prober: (any TLSProber)?, dialer: any Dialer = LiveDialer()) {
        self.prober = prober
        self.dialer = dialer
    }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self), target.usesTLS else {
            return .notApplicable("the connection string does not use TLS")
        }
        guard let prober else { return .notApplicable("TLS probing is not available in this build") }
        if let caFile = target.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            return CheckOutcome(detail: "tlsCAFile cannot be read", findings: [Finding(
                id: .tlsCaFileMissing, severity: .error, title: "The tlsCAFile \(caFile) does not exist or cannot be read",
                evidence: ["stat \(caFile): \(FileManager.default.fileExists(atPath: caFile) ? "not readable" : "no such file")"],
                fixes: [Fix(id: .uriFixCaPath, summary: "Point tlsCAFile at the CA certificate (PEM) that signed the server's certificate")],
                values: ["caFile": caFile, "reason": FileManager.default.fileExists(atPath: caFile) ? "it cannot be read" : "it does not exist"])])
        }
        let reachable = context.fact(ReachableEndpoints.self)?.endpoints ?? []
        var findings: [Finding] = []
        var lines: [String] = []
        for (endpoint, address) in reachable {
            let result = await prober.probe(
                address: address, port: endpoint.port, serverName: endpoint.host, caFile: target.caFile,
                allowInvalidCertificates: target.allowsInvalidCertificates,
                allowInvalidHostnames: target.allowsInvalidHostnames, timeout: context.timeout)
            let evidence = Self.evidence(result.certificate)
            guard let failure = result.failure else {
                lines.append("\(endpoint): verified" + (result.certificate.map { " (\($0.subject))" } ?? ""))
                findings.append(Finding(id: .tlsCertificate, severity: .info,
                                        title: "\(endpoint): certificate verified", evidence: evidence,
                                        values: ["endpoint": endpoint.description]))
                continue
            }
            findings.append(await finding(failure, endpoint: endpoint, address: address, evidence: evidence, target: target, context: context))
        }
        let problem = findings.first { $0.severity != .info }
        return CheckOutcome(detail: problem?.title ?? lines.joined(separator: "; "), findings: findings)
    }

    private func finding(_ failure: TLSProbeFailure, endpoint: Endpoint, address: ResolvedAddress, evidence: [String],
                         target: ConnectionTarget, context: CheckContext) async -> Finding {
        let named = ["endpoint": endpoint.description]
        switch failure {
        case .untrusted(let code, let reason):
            return Finding(id: .tlsUntrusted, severity: .error, title: "The certificate of \(endpoint) is not trusted: \(reason) (\(code))",
                           evidence: evidence, fixes: [Fix(id: .uriAddCaFile, summary: "Add tlsCAFile=<the CA that signed it> to the connection string")],
                           values: named.merging(["reason": "\(reason) (\(code))"]) { $1 })
        case .hostnameMismatch:
            return Finding(id: .tlsHostnameMismatch, severity: .error, title: "The certificate of \(endpoint) does not name \(endpoint.host)",
                           evidence: evidence, fixes: [Fix(id: .uriUseCertificateName, summary: "Connect with a name listed in the certificate's subjectAltName")],
                           values: named.merging(["host": endpoint.host]) { $1 })
        case .expired:
            return Finding(id: .tlsExpired, severity: .error, title: "The certificate of \(endpoint) has expired",
                           evidence: evidence, fixes: [Fix(id: .tlsRenewCertificate, summary: "Renew the server certificate (and restart mongod)")],
                           values: named)
        case .caFileUnreadable(let text):
            return Finding(id: .tlsCaFileMissing, severity: .error, title: "The tlsCAFile cannot be used: \(text)",
                           values: ["caFile": target.caFile ?? "", "reason": text].filter { !$0.value.isEmpty })
        case .handshakeFailed(let text):
            let plain = await dialer.dial(address, port: endpoint.port, timeout: context.timeout, sendHello: true)
            var isPlaintextMongo = false
            if case .connected(answer: .mongodb?) = plain { isPlaintextMongo = true }
            return Finding(
                id: .tlsNotSupported, severity: .error,
                title: isPlaintextMongo ? "The server at \(endpoint) does not speak TLS (it answers in plaintext)" : "The TLS handshake with \(endpoint) failed: \(text)",
                evidence: ["handshake: \(text)"] + evidence,
                fixes: isPlaintextMongo ? [Fix(id: .uriRemoveTls, summary: "Remove tls=true, or enable TLS on the server (net.tls.mode: requireTLS)")] : [],
                values: named.merging(["reason": isPlaintextMongo ? "the server does not speak TLS (it answers in plaintext)" : text]) { $1 })
        }
    }

    static func evidence(_ certificate: TLSCertificateInfo?) -> [String] {
        guard let c = certificate else { return [] }
        return ["subject: \(c.subject)", "issuer: \(c.issuer)", "subjectAltName: \(c.subjectAltNames.joined(separator: ", "))",
                "valid: \(c.notBefore) → \(c.notAfter)"]
    }
}
