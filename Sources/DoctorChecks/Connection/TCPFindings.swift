import DoctorCore
import TLSProbe

/// Turns a failed TCP attempt into the finding that names the cause, with fixes for the platform.
struct TCPFindings {
    let context: CheckContext
    let tlsProber: (any TLSProber)?
    let target: ConnectionTarget

    func finding(for attempt: TCPCheck.Attempt, all: [TCPCheck.Attempt]) async -> Finding {
        let endpoint = attempt.endpoint
        let evidence = all.map { "\($0.address):\(endpoint.port) → \(describe($0.outcome))" }
        let named = ["endpoint": endpoint.description]
        let port = String(endpoint.port)
        switch attempt.outcome {
        case .refused:
            return Finding(id: .tcpRefused, severity: .error, title: "Nothing is listening on \(endpoint): the connection was refused",
                           detail: "mongod is not running, listens on another port, or is bound to another interface (net.bindIp).",
                           evidence: evidence, fixes: startFixes(endpoint),
                           values: named.merging(["host": endpoint.host, "port": port]) { $1 })
        case .timedOut:
            return Finding(id: .tcpTimeout, severity: .error, title: "Connecting to \(endpoint) timed out: packets are dropped",
                           detail: "A firewall, a wrong IP, or a cloud access list (Atlas: Network Access) drops the connection.",
                           evidence: evidence,
                           fixes: [Fix(id: .networkCheckFirewall, summary: "Check firewalls and the provider's IP access list for port \(endpoint.port)")],
                           values: named.merging(["port": port]) { $1 })
        case .failed(let text):
            return Finding(id: .tcpUnreachable, severity: .error, title: "\(endpoint) cannot be reached: \(text)", evidence: evidence,
                           values: named.merging(["reason": text]) { $1 })
        case .connected(let answer):
            // A TLS-only server answers plaintext by closing the connection (it never stays silent), so
            // only a close is worth a TLS handshake; probing a silent peer would cost a second timeout.
            if answer == .closed, !target.usesTLS, await speaksTLS(attempt) {
                return Finding(id: .tlsRequired, severity: .error, title: "The server at \(endpoint) speaks only TLS, and the URI does not ask for it",
                               evidence: evidence, fixes: [Fix(id: .uriAddTls, summary: "Add tls=true (and tlsCAFile=… for a private CA) to the connection string")],
                               values: named)
            }
            switch answer {
            case .closed?:
                return Finding(id: .tcpClosed, severity: .error, title: "\(endpoint) accepted the connection, then closed it without answering",
                               detail: "A proxy, a non-MongoDB service, or a server that refuses this client (IP access list) is on the port.",
                               evidence: evidence, values: named)
            case .notMongoDB(let preview)?:
                return Finding(id: .tcpNotMongodb, severity: .error, title: "Something answered on \(endpoint), but it is not MongoDB",
                               detail: "It replied: \(preview)", evidence: evidence,
                               fixes: [Fix(id: .uriCheckPort, summary: "Check the port: another service (HTTP?) listens there")],
                               values: named.merging(["reason": "it replied \(preview)", "port": port]) { $1 })
            default:
                return Finding(id: .tcpNotMongodb, severity: .error, title: "\(endpoint) accepted the connection but did not answer the MongoDB handshake",
                               evidence: evidence, fixes: [Fix(id: .uriCheckPort, summary: "Check the port and whether the server expects TLS")],
                               values: named.merging(["reason": "it accepted the connection but did not answer the MongoDB handshake", "port": port]) { $1 })
            }
        }
    }

    private func speaksTLS(_ attempt: TCPCheck.Attempt) async -> Bool {
        guard let tlsProber else { return false }
        let result = await tlsProber.probe(
            address: attempt.address, port: attempt.endpoint.port, serverName: attempt.endpoint.host, caFile: nil,
            allowInvalidCertificates: true, allowInvalidHostnames: true, timeout: context.timeout)
        if case .handshakeFailed? = result.failure { return false }
        if case .caFileUnreadable? = result.failure { return false }
        return true
    }

    private func describe(_ outcome: DialOutcome) -> String {
        switch outcome {
        case .refused: "connection refused"
        case .timedOut: "timed out"
        case .failed(let text): text
        case .connected(answer: nil): "connected"
        case .connected(answer: .mongodb?): "MongoDB answered"
        case .connected(answer: .closed?): "connected, then closed"
        case .connected(answer: .silent?): "connected, no answer"
        case .connected(answer: .notMongoDB(let preview)?): "answered \(preview)"
        }
    }

    private func startFixes(_ endpoint: Endpoint) -> [Fix] {
        let local = ["localhost", "127.0.0.1", "::1"].contains(endpoint.host)
        guard local else {
            return [Fix(id: .mongodCheckBindIp, summary: "Check mongod runs on \(endpoint.host) and its net.bindIp includes an address this machine can reach")]
        }
        let start: [String] = switch context.platform {
        case .linux: ["sudo systemctl start mongod", "mongo-doctor check --port \(endpoint.port)"]
        case .macos: ["brew services start mongodb-community", "mongo-doctor check --port \(endpoint.port)"]
        case .windows: ["net start MongoDB", "mongo-doctor check --port \(endpoint.port) --platform windows"]
        }
        return [Fix(id: .mongodStart, summary: "Start mongod (and let mongo-doctor look at why it is not running)", commands: start)]
    }
}
