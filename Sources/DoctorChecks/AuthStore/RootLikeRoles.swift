public import MongoBridge

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

    public var description: String { "\(role)@\(db)" }
}

/// Which roles are too much for an application's user: root-like built-in roles by name (SecantusDB lists
/// no privileges for them, and MongoDB's manual fixes what they grant), and privileges a server does list.
public enum RootLikeRoles {
    /// Built-in roles that reach beyond one database's data or manage users, roles or the cluster. They
    /// exist in `admin` only, except `dbOwner` and `userAdmin`, which exist in every database.
    public static let rootLike: Set<String> = [
        "root", "__system", "dbOwner", "userAdmin", "userAdminAnyDatabase", "dbAdminAnyDatabase",
        "readWriteAnyDatabase", "clusterAdmin", "clusterManager", "hostManager", "restore",
    ]

    /// Every built-in role name (MongoDB 8.0's manual); any other name is a user-defined role.
    public static let builtIn: Set<String> = rootLike.union([
        "read", "readWrite", "dbAdmin", "clusterMonitor", "backup", "readAnyDatabase", "enableSharding",
        "directShardOperations", "searchCoordinator", "__queryableBackup",
    ])

    /// Actions that manage users and roles, drop databases or stop the server: an app's user needs none.
    public static let dangerousActions: Set<String> = [
        "createUser", "dropUser", "grantRole", "revokeRole", "createRole", "dropRole", "grantRolesToUser",
        "changePassword", "changeAnyPassword", "dropDatabase", "shutdown", "setAuthenticationRestriction",
    ]

    /// Whether `role` is a built-in role (a name MongoDB reserves in that database).
    public static func isBuiltIn(_ role: RoleName) -> Bool {
        guard builtIn.contains(role.role) else { return false }
        return role.db == "admin" || role.role == "dbOwner" || role.role == "userAdmin" || ["read", "readWrite", "dbAdmin", "enableSharding"].contains(role.role)
    }

    /// The root-like built-in roles among `roles`.
    public static func rootLike(in roles: [RoleName]) -> [RoleName] {
        roles.filter { isBuiltIn($0) && rootLike.contains($0.role) }
    }

    /// Why the listed privileges are too broad: any resource, the cluster, every database, or a
    /// dangerous action (one line per privilege, empty when none is).
    public static func broadPrivileges(_ privileges: [BSONDocument]) -> [String] {
        privileges.compactMap { privilege in
            let resource = privilege["resource"]?.documentValue
            let actions = (privilege["actions"]?.arrayValue ?? []).compactMap(\.stringValue)
            if resource?["anyResource"]?.boolValue == true { return "anyResource: \(actions.joined(separator: ", "))" }
            if resource?["cluster"]?.boolValue == true { return "cluster: \(actions.joined(separator: ", "))" }
            let dangerous = actions.filter(dangerousActions.contains)
            if !dangerous.isEmpty { return "\(resourceText(resource)): \(dangerous.joined(separator: ", "))" }
            if resource?["db"]?.stringValue == "", !actions.isEmpty { return "every database: \(actions.joined(separator: ", "))" }
            return nil
        }
    }

    static func resourceText(_ resource: BSONDocument?) -> String {
        let db = resource?["db"]?.stringValue ?? ""
        let collection = resource?["collection"]?.stringValue ?? ""
        return (db.isEmpty ? "*" : db) + "." + (collection.isEmpty ? "*" : collection)
    }
}
