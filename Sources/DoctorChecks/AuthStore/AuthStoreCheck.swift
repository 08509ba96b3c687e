public import DoctorCore
import Foundation
import MongoBridge

/// `authstore` (`check --db NAME`): whether the database holds an auth store the Swift AuthStore and a
/// lucia@3 app can share: the collections, their indexes and validators, the id types, orphaned,
/// expired and duplicate data, Lucia v2's layout, and whether the app's user is root-like. Reads only,
/// with the URI's own credentials, after the `auth` stage.
public struct AuthStoreCheck: DoctorCheck {
    public let id: CheckID = .authStore
    public let title = "Auth store"
    public let prerequisites: [CheckID] = [.auth]

    let target: AuthStoreTarget
    let probe: any ServerProbe

    /// Creates the check for `target`.
    public init(target: AuthStoreTarget, probe: any ServerProbe = LiveServerProbe()) {
        self.target = target
        self.probe = probe
    }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        guard let connection = context.fact(ConnectionTarget.self) else { return .notApplicable("no parsed connection string") }
        let rules = AuthStoreFindings(target: target)
        let reader = AuthStoreReader(probe: probe, uri: connection.uri, timeout: context.timeout)
        let snapshot: AuthStoreSnapshot
        do {
            snapshot = try await reader.snapshot(of: target)
        } catch let error as MongoError {
            return CheckOutcome(detail: "could not read \(target.database): \(error.message(scrubbing: connection.scrubber))", status: .failed)
        }
        var findings = rules.findings(for: snapshot)
        if connection.username != nil,
           let privileges = try? await AppUserPrivileges.read(probe: probe, uri: connection.uri, timeout: context.timeout),
           let finding = rules.privilegeFinding(privileges) {
            findings.append(finding)
        }
        return CheckOutcome(detail: findings.isEmpty ? summary(snapshot) : "\(findings.count) problems in \(target.database)", findings: findings)
    }

    /// What a healthy store looks like in one line.
    func summary(_ snapshot: AuthStoreSnapshot) -> String {
        "\(target.database): \(target.users) and \(target.sessions) with their indexes and validators"
    }
}
