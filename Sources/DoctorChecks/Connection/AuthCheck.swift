public import DoctorCore
import MongoBridge

/// `auth`: connects with the connection string exactly as given (credentials included) and runs a
/// command that needs authentication. On failure it proves the cause: a retry with `authSource=admin`
/// (`auth.wrong-source`), the mechanisms the server offers (`auth.mechanism`). Reads only.
public struct AuthCheck: DoctorCheck {
    public let id: CheckID = .auth
    public let title = "Authentication"
    public let prerequisites: [CheckID] = [.topology]

    let probe: any ServerProbe

    /// Creates the stage.
    public init(probe: any ServerProbe = LiveServerProbe()) { self.probe = probe }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let target = context.fact(ConnectionTarget.self) else { return .notApplicable("no parsed connection string") }
        let offered = context.fact(HelloAnswers.self)?.first?.saslSupportedMechs
        // With credentials, authentication happens in the handshake and `ping` needs no privileges;
        // without, `listDatabases` shows whether the server demands authentication.
        let command: BSONDocument = target.username == nil ? ["listDatabases": 1, "nameOnly": true] : ["ping": 1]
        do {
            _ = try await probe.command(command, database: "admin", uri: target.uri, timeout: context.timeout)
            let who = target.username.map { "authenticated as \($0)" } ?? "no credentials needed"
            return CheckOutcome(detail: who)
        } catch let error as MongoError {
            let finding = await AuthDiagnosis(probe: probe, target: target, offered: offered, timeout: context.timeout)
                .finding(for: error, scrubber: target.scrubber)
            return CheckOutcome(detail: finding.title, findings: [finding])
        }
    }
}
