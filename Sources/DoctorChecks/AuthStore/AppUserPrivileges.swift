public import MongoBridge

/// What the server says the URI's user may do: `connectionStatus` (with privileges), and `rolesInfo`
/// for the user-defined roles among its roles, so that root-like power is found even where the server
/// lists no privileges for built-in roles (SecantusDB; see test-server-notes.md).
public struct AppUserPrivileges: Sendable {
    /// The authenticated users (`alice@admin`).
    public var users: [String]
    /// Their roles, direct.
    public var roles: [RoleName]
    /// The privileges the server listed (empty on SecantusDB).
    public var privileges: [BSONDocument]
    /// For each user-defined role: the roles it inherits and the privileges it grants.
    public var userDefined: [RoleName: (inherited: [RoleName], privileges: [BSONDocument])]

    /// Creates the facts.
    public init(users: [String], roles: [RoleName], privileges: [BSONDocument] = [],
                userDefined: [RoleName: (inherited: [RoleName], privileges: [BSONDocument])] = [:]) {
        self.users = users
        self.roles = roles
        self.privileges = privileges
        self.userDefined = userDefined
    }

    /// Why the user is root-like: each root-like role (direct or inherited through a user-defined role)
    /// and each too-broad privilege; empty when it is not.
    public var reasons: [String] {
        var found = RootLikeRoles.rootLike(in: roles).map { "role \($0)" }
        for (role, grants) in userDefined.sorted(by: { $0.key.description < $1.key.description }) {
            found += RootLikeRoles.rootLike(in: grants.inherited).map { "role \(role) inherits \($0)" }
            found += RootLikeRoles.broadPrivileges(grants.privileges).map { "role \(role) grants \($0)" }
        }
        found += RootLikeRoles.broadPrivileges(privileges).map { "privilege \($0)" }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }

    /// Reads them through `probe`: `connectionStatus` on admin, then `rolesInfo` in each database that
    /// defines one of the user's non-built-in roles.
    public static func read(probe: any ServerProbe, uri: String, timeout: Duration) async throws -> AppUserPrivileges {
        let status = try await probe.command(["connectionStatus": 1, "showPrivileges": true], database: "admin", uri: uri, timeout: timeout)
        let info = status["authInfo"]?.documentValue
        let users = (info?["authenticatedUsers"]?.arrayValue ?? []).compactMap { value -> String? in
            RoleName(role: value.documentValue?["user"]?.stringValue ?? "", db: value.documentValue?["db"]?.stringValue ?? "").description
        }
        let roles = (info?["authenticatedUserRoles"]?.arrayValue ?? []).compactMap { RoleName($0.documentValue) }
        let privileges = (info?["authenticatedUserPrivileges"]?.arrayValue ?? []).compactMap(\.documentValue)
        var userDefined: [RoleName: (inherited: [RoleName], privileges: [BSONDocument])] = [:]
        for role in roles where !RootLikeRoles.isBuiltIn(role) {
            let reply = try await probe.command(
                ["rolesInfo": ["role": .string(role.role), "db": .string(role.db)], "showPrivileges": true],
                database: role.db, uri: uri, timeout: timeout)
            guard let found = reply["roles"]?.arrayValue?.first?.documentValue else { continue }
            let inherited = (found["inheritedRoles"]?.arrayValue ?? found["roles"]?.arrayValue ?? []).compactMap { RoleName($0.documentValue) }
            let grants = (found["inheritedPrivileges"]?.arrayValue ?? found["privileges"]?.arrayValue ?? []).compactMap(\.documentValue)
            userDefined[role] = (inherited, grants)
        }
        return AppUserPrivileges(users: users, roles: roles, privileges: privileges, userDefined: userDefined)
    }
}
