import DoctorCore
import MongoBridge

/// `server.ping`: connects to the target, runs `hello` and `buildInfo`, and reports
/// reachability, server version and topology. Changes nothing on the server.
public struct ServerPingCheck: DoctorCheck {
    public let id = "server.ping"
    public let title = "Server reachable"

    /// The connection string (may contain a password: never put it in output unredacted).
    let uri: String
    let probe: any ServerProbe
    let classifier = ConnectionErrorClassifier()

    /// Creates the check for `uri`, talking to the server through `probe`.
    public init(uri: String, probe: any ServerProbe = LibmongocServerProbe()) {
        self.uri = uri
        self.probe = probe
    }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        let redactor = Redactor(uri: uri)
        do {
            let hello = try await probe.hello(uri: uri, timeout: context.timeout)
            context.publish(hello)
            let version = hello.version.map { "MongoDB \($0)" } ?? "a MongoDB server (version not reported)"
            let wire = hello.maxWireVersion.map { ", wire version \($0)" } ?? ""
            let info = Finding(
                id: "server.version", severity: .info, title: "\(version) (\(hello.topologyDescription)\(wire))",
                evidence: hello.version.map { ["buildInfo.version: \($0)"] } ?? [])
            return CheckOutcome(detail: "\(version), \(hello.topologyDescription)\(wire)", findings: [info])
        } catch let error as MongoError {
            let finding = classifier.finding(for: error, redactor: redactor)
            return CheckOutcome(detail: finding.title, findings: [finding])
        }
    }
}
