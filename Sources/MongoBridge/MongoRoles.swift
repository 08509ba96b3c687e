/// A role as MongoDB names it: `root@admin`.
public struct RoleName: Sendable, Hashable, CustomStringConvertible {
    /// The role's name.
    public var role: String
    /// The database it is defined in.
    public var db: String

    /// Creates a name.
    public init(role: String, db: String) {
        self.role = role
        self.db = db
    }

    /// Reads `{role, db}`.
    public init?(_ document: BSONDocument?) {
        guard let role = document?["role"]?.stringValue, let db = document?["db"]?.stringValue else { return nil }
        self.init(role: role, db: db)
    }

    /// Reads `{role, db}` from a value (an element of `roles`, `inheritedRoles`, `authenticatedUserRoles`).
    public init?(_ value: BSONValue) {
        self.init(value.documentValue)
    }

    public var description: String { "\(role)@\(db)" }
}

/// What MongoDB's built-in roles are and grant (the manual's "Built-In Roles", MongoDB 8.0): the one
/// table every check that judges a user's roles uses, needed because some servers (SecantusDB) list no
/// privileges for built-in roles.
public enum BuiltInRoles {
    /// Roles that exist in every database; every other built-in role exists in `admin` only.
    public static let databaseRoles: Set<String> = ["read", "readWrite", "dbAdmin", "dbOwner", "userAdmin", "enableSharding"]

    /// Every built-in role name; any other name is a user-defined role.
    public static let all: Set<String> = databaseRoles.union([
        "root", "__system", "userAdminAnyDatabase", "dbAdminAnyDatabase", "readAnyDatabase", "readWriteAnyDatabase",
        "clusterAdmin", "clusterManager", "clusterMonitor", "hostManager", "backup", "restore",
        "directShardOperations", "searchCoordinator", "__queryableBackup",
    ])

    /// Roles that reach beyond one database's data or manage users, roles or the cluster: too much for an
    /// application's user.
    public static let rootLike: Set<String> = [
        "root", "__system", "dbOwner", "userAdmin", "userAdminAnyDatabase", "dbAdminAnyDatabase",
        "readWriteAnyDatabase", "clusterAdmin", "clusterManager", "hostManager", "restore",
    ]

    /// Roles that grant user and role administration (createUser, createRole, grantRole…) on every database.
    public static let userAdministrationAnyDatabase: Set<String> = ["root", "__system", "userAdminAnyDatabase"]

    /// Roles that grant user and role administration on their own database.
    public static let userAdministrationOwnDatabase: Set<String> = ["userAdmin", "dbOwner"]

    /// Whether `role` is a built-in role: a reserved name in a database where MongoDB defines it.
    public static func isBuiltIn(_ role: RoleName) -> Bool {
        all.contains(role.role) && (role.db == "admin" || databaseRoles.contains(role.role))
    }
}
