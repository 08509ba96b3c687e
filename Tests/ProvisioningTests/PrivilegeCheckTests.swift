import MongoBridge
import Provisioning
import Testing

/// Both paths of the privilege check: privileges listed by the server (mongod), and roles only (SecantusDB).
@Suite struct PrivilegeCheckTests {
    typealias Role = RoleName

    static func authInfo(roles: [(String, String)], privileges: [BSONValue] = []) -> BSONDocument {
        ["authenticatedUsers": [["user": "u", "db": "admin"]],
         "authenticatedUserRoles": .array(roles.map { .document(["role": .string($0.0), "db": .string($0.1)]) }),
         "authenticatedUserPrivileges": .array(privileges)]
    }

    static func privilege(db: String, actions: [String]) -> BSONValue {
        .document(["resource": ["db": .string(db), "collection": ""], "actions": .array(actions.map { .string($0) })])
    }

    @Test(arguments: [
        ("root", "admin", nil as String?), ("userAdminAnyDatabase", "admin", nil), ("userAdmin", "auth", nil), ("dbOwner", "auth", nil),
        ("userAdmin", "other", "createRole"), ("readWrite", "auth", "createRole"), ("dbAdmin", "auth", "createRole"),
        ("readWriteAnyDatabase", "admin", "createRole"),
    ])
    func builtInRolesWhenNoPrivilegesAreListed(role: String, db: String, missing: String?) {
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: Self.authInfo(roles: [(role, db)]), userDefined: [:]) == missing)
    }

    @Test func listedPrivilegesDecideAndNameTheMissingAction() {
        let info = Self.authInfo(roles: [("custom", "admin")], privileges: [Self.privilege(db: "auth", actions: ["createRole", "createUser"])])
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: info, userDefined: [:]) == "grantRole")
        let all = Self.authInfo(roles: [], privileges: [Self.privilege(db: "", actions: PrivilegeCheck.neededActions)])
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: all, userDefined: [:]) == nil)
        let otherDB = Self.authInfo(roles: [], privileges: [Self.privilege(db: "shop", actions: PrivilegeCheck.neededActions)])
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: otherDB, userDefined: [:]) == "createRole")
    }

    @Test func userDefinedRolesResolveThroughRolesInfo() {
        let info = Self.authInfo(roles: [("admins", "auth")])
        let described = PrivilegeCheck.RoleDescription([
            "role": "admins", "db": "auth", "inheritedPrivileges": [Self.privilege(db: "auth", actions: ["createRole", "createUser", "grantRole"])],
        ])
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: info, userDefined: [Role(role: "admins", db: "auth"): described]) == nil)
        let inheriting = PrivilegeCheck.RoleDescription(privileges: [], inheritedRoles: [Role(role: "userAdmin", db: "auth")])
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: info, userDefined: [Role(role: "admins", db: "auth"): inheriting]) == nil)
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: info, userDefined: [:]) == "createRole")
    }

    @Test func withoutAccessControlNothingIsMissing() {
        #expect(PrivilegeCheck.missingAction(database: "auth", authInfo: ["authenticatedUsers": []], userDefined: [:]) == nil)
    }
}
