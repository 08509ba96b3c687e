public import DoctorCore
import MongoBridge

/// Turns what `AuthStoreReader` read into findings (pure: testable offline). Every finding carries the
/// values its entry in `Diagnostics/authstore-check.json` names, and the fix ids that apply.
public struct AuthStoreFindings: Sendable {
    /// The store examined.
    public var target: AuthStoreTarget

    /// Creates the rules for `target`.
    public init(target: AuthStoreTarget) { self.target = target }

    /// Whether `snapshot` is Lucia v2's layout: a `keys` collection (unless a verified migration kept it),
    /// or sessions with `active_expires`/`idle_expires`.
    public func isV2(_ snapshot: AuthStoreSnapshot) -> Bool {
        (snapshot.collections[target.keys] != nil && !snapshot.migratedFromV2) || !snapshot.v2SessionFields.isEmpty
    }

    /// The findings for `snapshot`, in a fixed order.
    public func findings(for snapshot: AuthStoreSnapshot) -> [Finding] {
        let v2 = isV2(snapshot)
        var found: [Finding] = []
        for name in [target.users, target.sessions] where snapshot.collections[name] == nil {
            found.append(missing(name))
        }
        if v2 { found.append(layoutV2(snapshot)) }
        if !v2 {
            for rule in AuthStoreIndexRule.v3(users: target.users, sessions: target.sessions)
            where snapshot.collections[rule.collection] != nil {
                found += index(rule, state: rule.classify(snapshot.indexes[rule.collection] ?? []))
            }
            for name in [target.users, target.sessions] where snapshot.collections[name] == false {
                found.append(make(.authStoreValidatorMissing, .warning, "The collection \(target.database).\(name) has no validator",
                                  fix: .authStoreProvision, "Add the validator with mongo-doctor provision", ["collection": name]))
            }
        }
        if !snapshot.idTypesAgree { found.append(typeMismatch(snapshot)) }
        if let orphans = snapshot.orphanSessions, orphans > 0 {
            found.append(make(.authStoreOrphanSessions, .warning, "\(orphans) sessions belong to no user",
                              detail: "Lucia validates such a session as null and deletes it; they are left-overs of deleted users or of writes that never created the user.",
                              fix: .authStoreDeleteOrphanSessions, "Delete the sessions whose user does not exist", ["count": String(orphans)]))
        }
        if let expired = snapshot.expiredSessions, expired > 0 {
            var finding = make(.authStoreExpiredSessions, .warning, "\(expired) expired sessions are still stored in \(target.database).\(target.sessions)",
                               fix: .authStoreDeleteExpiredSessions, "Delete the expired sessions", ["count": String(expired)])
            // A v2 layout is migrated (v3's delete and TTL index do not apply to numeric expiries).
            finding.fixes = v2 ? [Fix(id: .authStoreMigrate, summary: "Migrate it with mongo-doctor migrate")]
                : finding.fixes + [Fix(id: .authStoreProvision, summary: "Create the TTL index on expires_at with mongo-doctor provision")]
            found.append(finding)
        }
        if !snapshot.duplicateUsernames.isEmpty {
            let groups = snapshot.duplicateUsernames
            found.append(Finding(
                id: .authStoreDuplicateUsernames, severity: .error,
                title: "\(groups.count) usernames are held by more than one user when case is ignored",
                evidence: groups.prefix(5).map { "\($0.name): \($0.count) users" },
                fixes: [Fix(id: .authStoreMergeDuplicateUsernames, summary: "Rename or merge these users, then create the unique index")],
                values: target.values.merging(["count": String(groups.count), "examples": groups.prefix(3).map(\.name).joined(separator: ", ")]) { $1 }))
        }
        return found
    }

    /// `security.app-user-privileged` when `privileges` has reasons.
    public func privilegeFinding(_ privileges: AppUserPrivileges) -> Finding? {
        let reasons = privileges.reasons
        guard !reasons.isEmpty else { return nil }
        let user = privileges.users.first ?? "the URI's user"
        let roles = privileges.roles.map(\.description).joined(separator: ", ")
        return Finding(
            id: .securityAppUserPrivileged, severity: .warning,
            title: "The application connects as \(user), which has root-like roles (\(roles))",
            evidence: reasons,
            fixes: [Fix(id: .securityLeastPrivilegeUser, summary: "Give the application a user with readWrite on \(target.database) only")],
            values: target.values.merging(["username": user, "roles": roles]) { $1 })
    }

    func missing(_ name: String) -> Finding {
        make(.authStoreMissing, .error, "The collection \(target.database).\(name) does not exist",
             fix: .authStoreProvision, "Create it with mongo-doctor provision", ["collection": name])
    }

    func layoutV2(_ snapshot: AuthStoreSnapshot) -> Finding {
        var signs: [String] = []
        if snapshot.collections[target.keys] != nil, !snapshot.migratedFromV2 { signs.append("collection \(target.keys)") }
        if !snapshot.v2SessionFields.isEmpty { signs.append("sessions with " + snapshot.v2SessionFields.joined(separator: ", ")) }
        return Finding(
            id: .authStoreLayoutV2, severity: .error, title: "\(target.database) has Lucia v2's layout (\(signs.joined(separator: "; ")))",
            evidence: signs, fixes: [Fix(id: .authStoreMigrate, summary: "Migrate it to the v3 layout with mongo-doctor migrate")],
            values: target.values.merging(["signs": signs.joined(separator: "; ")]) { $1 })
    }

    func index(_ rule: AuthStoreIndexRule, state: AuthStoreIndexState) -> [Finding] {
        let values = ["collection": rule.collection, "keys": rule.keysText, "options": rule.optionsText, "purpose": rule.purpose]
        switch state {
        case .present: return []
        case .missing:
            return [make(.authStoreIndexMissing, .warning, "\(target.database).\(rule.collection) has no index \(rule.keysText) (\(rule.optionsText))",
                         fix: .authStoreProvision, "Create it with mongo-doctor provision", values)]
        case .conflict(let name, let options):
            var finding = make(.authStoreIndexConflict, .error,
                               "The index \(name) on \(target.database).\(rule.collection) has the keys \(rule.keysText) but \(options), not \(rule.optionsText)",
                               fix: .authStoreDropConflictingIndex, "Drop \(name), then run mongo-doctor provision",
                               values.merging(["index": name, "found": options]) { $1 })
            finding.evidence = ["index \(name): \(rule.keysText), \(options)"]
            return [finding]
        }
    }

    func typeMismatch(_ snapshot: AuthStoreSnapshot) -> Finding {
        let users = snapshot.userIDTypes.keys.sorted().joined(separator: ", ")
        let sessions = snapshot.sessionUserIDTypes.keys.sorted().joined(separator: ", ")
        var finding = make(.authStoreUserIDTypeMismatch, .error,
                           "\(target.users)._id is \(users) but \(target.sessions).user_id is \(sessions): every session validates as null",
                           fix: .authStoreMatchUserIDType, "Store user_id with the type of users._id",
                           ["userIdType": users, "sessionUserIdType": sessions])
        finding.evidence = ["\(target.users)._id: " + Self.counts(snapshot.userIDTypes), "\(target.sessions).user_id: " + Self.counts(snapshot.sessionUserIDTypes)]
        return finding
    }

    static func counts(_ types: [String: Int]) -> String {
        types.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    func make(_ id: FindingID, _ severity: Severity, _ title: String, detail: String = "", fix: FixID, _ summary: String,
              _ values: [String: String]) -> Finding {
        Finding(id: id, severity: severity, title: title, detail: detail, fixes: [Fix(id: fix, summary: summary)],
                values: target.values.merging(values) { $1 })
    }
}
