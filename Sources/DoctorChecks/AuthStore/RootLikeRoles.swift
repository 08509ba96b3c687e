public import MongoBridge

/// Which roles are too much for an application's user: root-like built-in roles by name (SecantusDB lists
/// no privileges for them, and MongoDB's manual fixes what they grant), and privileges a server does list.
public enum RootLikeRoles {

    /// Actions that manage users and roles, drop databases or stop the server: an app's user needs none.
    public static let dangerousActions: Set<String> = [
        "createUser", "dropUser", "grantRole", "revokeRole", "createRole", "dropRole", "grantRolesToUser",
        "changePassword", "changeAnyPassword", "dropDatabase", "shutdown", "setAuthenticationRestriction",
    ]

    /// Whether `role` is a built-in role (``BuiltInRoles``).
    public static func isBuiltIn(_ role: RoleName) -> Bool { BuiltInRoles.isBuiltIn(role) }

    /// The root-like built-in roles among `roles`.
    public static func rootLike(in roles: [RoleName]) -> [RoleName] {
        roles.filter { BuiltInRoles.isBuiltIn($0) && BuiltInRoles.rootLike.contains($0.role) }
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
