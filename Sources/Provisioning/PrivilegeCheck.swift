public import MongoBridge

/// Does the connecting user hold what creating the app role and user takes (`createRole`,
/// `createUser`, `grantRole` on the database)?
///
/// Two paths: when `connectionStatus` lists privileges (mongod does), they decide; when it lists
/// none (SecantusDB lists none, even for root), the roles decide: built-in roles by what MongoDB's
/// manual says they grant, user-defined roles by what `rolesInfo` says they hold.
public enum PrivilegeCheck {
    /// The actions the app-user steps need on the database.
    public static let neededActions = ["createRole", "createUser", "grantRole"]

    /// A user-defined role as `rolesInfo` with `showPrivileges` describes it.
    public struct RoleDescription: Sendable, Equatable {
        /// `inheritedPrivileges` (its own and its roles', as far as the server lists them).
        public var privileges: [BSONValue]
        /// `inheritedRoles`: every role it inherits, `{role, db}`.
        public var inheritedRoles: [RoleName]

        /// Creates a description.
        public init(privileges: [BSONValue], inheritedRoles: [RoleName]) {
            self.privileges = privileges
            self.inheritedRoles = inheritedRoles
        }

        /// Reads a `rolesInfo` role document.
        public init(_ document: BSONDocument) {
            self.privileges = document["inheritedPrivileges"]?.arrayValue ?? document["privileges"]?.arrayValue ?? []
            self.inheritedRoles = (document["inheritedRoles"]?.arrayValue ?? document["roles"]?.arrayValue ?? []).compactMap(RoleName.init)
        }
    }

    /// Whether `role` is one of MongoDB's built-in roles (resolved without `rolesInfo`; ``BuiltInRoles``).
    public static func isBuiltIn(_ role: RoleName) -> Bool { BuiltInRoles.isBuiltIn(role) }

    /// The first needed action the user lacks on `database`, or `nil` when it lacks none.
    ///
    /// - Parameters:
    ///   - authInfo: `connectionStatus`'s `authInfo` (with `showPrivileges: true`).
    ///   - userDefined: the user-defined roles among the user's roles, as `rolesInfo` describes them.
    public static func missingAction(database: String, authInfo: BSONDocument, userDefined: [RoleName: RoleDescription]) -> String? {
        let users = authInfo["authenticatedUsers"]?.arrayValue ?? []
        if users.isEmpty { return nil }  // access control is off: every command is allowed
        let listed = authInfo["authenticatedUserPrivileges"]?.arrayValue ?? []
        if !listed.isEmpty {
            return neededActions.first { action in !listed.contains { grants($0, action, on: database) } }
        }
        let roles = (authInfo["authenticatedUserRoles"]?.arrayValue ?? []).compactMap(RoleName.init)
        return neededActions.first { action in !roles.contains { role in roleGrants(role, action, database, userDefined) } }
    }

    static func roleGrants(_ role: RoleName, _ action: String, _ database: String, _ userDefined: [RoleName: RoleDescription]) -> Bool {
        if builtInGrants(role, on: database) { return true }
        guard !isBuiltIn(role), let description = userDefined[role] else { return false }
        if description.privileges.contains(where: { grants($0, action, on: database) }) { return true }
        return description.inheritedRoles.contains { isBuiltIn($0) && builtInGrants($0, on: database) }
    }

    /// Whether the built-in `role` grants the user-administration actions on `database`.
    static func builtInGrants(_ role: RoleName, on database: String) -> Bool {
        if role.db == "admin", BuiltInRoles.userAdministrationAnyDatabase.contains(role.role) { return true }
        return BuiltInRoles.userAdministrationOwnDatabase.contains(role.role) && role.db == database
    }

    /// Whether one privilege document grants `action` on the database's resource.
    static func grants(_ privilege: BSONValue, _ action: String, on database: String) -> Bool {
        guard let doc = privilege.documentValue, let resource = doc["resource"]?.documentValue else { return false }
        let actions = (doc["actions"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard actions.contains(action) || actions.contains("anyAction") else { return false }
        if resource["anyResource"]?.boolValue == true { return true }
        guard let db = resource["db"]?.stringValue, resource["collection"]?.stringValue == "" else { return false }
        return db == database || db == ""
    }
}
