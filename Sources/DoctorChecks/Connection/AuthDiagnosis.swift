import ConnectionString
import DoctorCore
import MongoBridge
import Redaction

/// Works out why authentication failed, retrying where that proves the cause.
struct AuthDiagnosis {
    let probe: any ServerProbe
    let target: ConnectionTarget
    let offered: [String]?
    let timeout: Duration

    func finding(for error: MongoError, scrubber: TextScrubber) async -> Finding {
        let message = error.message(scrubbing: scrubber)
        let raw = error.rawMessage
        let evidence = ["libmongoc \(error.domain)/\(error.code): \(message)"]
        guard let user = target.username else {
            // No credentials: the server refusing a command means it requires them.
            if error.serverCodeName == "Unauthorized" || error.serverCode == 13 || raw.contains("requires authentication") {
                return Finding(id: .authRequired, severity: .error, title: "The server requires authentication and the URI has no credentials",
                               evidence: evidence,
                               fixes: [Fix(id: .uriAddCredentials, summary: "Add user:password@ (percent-encoded) and authSource= to the connection string")])
            }
            return ConnectionErrorClassifier().finding(for: error, scrubber: scrubber, target: target)
        }
        let mechanism = target.parsed.option("authMechanism")?.stringValue
        if let mechanism, let offered, !offered.isEmpty, !offered.contains(mechanism) {
            return mechanismFinding(mechanism, offered: offered, evidence: evidence)
        }
        if raw.contains("Unsupported SASL mechanism") || raw.contains("Unknown authentication mechanism") {
            return mechanismFinding(mechanism ?? "(default)", offered: offered ?? [], evidence: evidence)
        }
        guard error.isAuthenticationFailure else {
            return ConnectionErrorClassifier().finding(for: error, scrubber: scrubber, target: target)
        }
        if !target.hasExplicitAuthSource, let db = target.pathDatabase, db != "admin", await worksWithAdminSource() {
            return Finding(
                id: .authWrongSource, severity: .error,
                title: "The user \(user) exists in admin, but the URI authenticates against \(db)",
                detail: "Without authSource, the database in the URI path is used to authenticate. A retry with authSource=admin succeeded.",
                evidence: evidence + ["retry with authSource=admin: authenticated"],
                fixes: [Fix(id: .uriAddAuthSource, summary: "Add authSource=admin to the connection string")],
                values: ["username": user, "db": db])
        }
        return Finding(
            id: .authFailed, severity: .error, title: "Authentication failed for \(user)",
            detail: "Wrong password, wrong user, or the user lives in another database (authSource). The server's log (id 20249) tells UserNotFound from a wrong password.",
            evidence: evidence,
            fixes: [Fix(id: .authCheckCredentials, summary: "Check the user, the password (percent-encoded) and authSource")],
            values: ["username": user])
    }

    private func mechanismFinding(_ mechanism: String, offered: [String], evidence: [String]) -> Finding {
        Finding(id: .authMechanism, severity: .error,
                title: "The server does not offer \(mechanism) for this user"
                    + (offered.isEmpty ? "" : "; it offers \(offered.joined(separator: ", "))"),
                evidence: evidence + (offered.isEmpty ? [] : ["saslSupportedMechs: \(offered.joined(separator: ", "))"]),
                fixes: [Fix(id: .uriFixAuthMechanism,
                            summary: offered.first.map { "Use authMechanism=\($0), or leave authMechanism out" } ?? "Leave authMechanism out")],
                values: ["mechanism": mechanism, "offered": offered.isEmpty ? "unknown" : offered.joined(separator: ", ")])
    }

    private func worksWithAdminSource() async -> Bool {
        // Only reached when the URI has a path database, so it already has the '/' before options.
        let separator = target.uri.contains("?") ? "&" : "?"
        let retry = target.uri + separator + "authSource=admin"
        return (try? await probe.command(["ping": 1], database: "admin", uri: retry, timeout: timeout)) != nil
    }
}
