import DoctorChecks
import MongoBridge
import Testing

/// Which roles and privileges make an application's user root-like (`security.app-user-privileged`).
@Suite struct RootLikeRolesTests {
    @Test(arguments: [
        ("root", "admin", true), ("__system", "admin", true), ("dbOwner", "shop", true), ("userAdmin", "shop", true),
        ("userAdminAnyDatabase", "admin", true), ("readWriteAnyDatabase", "admin", true), ("clusterAdmin", "admin", true),
        ("dbAdminAnyDatabase", "admin", true), ("restore", "admin", true),
        ("readWrite", "shop", false), ("read", "shop", false), ("dbAdmin", "shop", false), ("clusterMonitor", "admin", false),
        // A role named like an AnyDatabase role outside admin is a user-defined role, judged by rolesInfo instead.
        ("root", "shop", false), ("appRole", "shop", false),
    ])
    func builtInRootLikeByName(role: String, db: String, rootLike: Bool) {
        #expect(RootLikeRoles.rootLike(in: [RoleName(role: role, db: db)]).isEmpty == !rootLike)
    }

    @Test func builtInOrUserDefined() {
        #expect(RootLikeRoles.isBuiltIn(RoleName(role: "readWrite", db: "shop")))
        #expect(RootLikeRoles.isBuiltIn(RoleName(role: "root", db: "admin")))
        #expect(!RootLikeRoles.isBuiltIn(RoleName(role: "root", db: "shop")))
        #expect(!RootLikeRoles.isBuiltIn(RoleName(role: "authStoreApp", db: "shop")))
    }

    static let privilegeCases: [(BSONDocument, String?)] = [
        (["resource": ["db": "shop", "collection": "sessions"], "actions": ["find", "insert", "update", "remove"]], nil),
        (["resource": ["anyResource": true], "actions": ["anyAction"]], "anyResource: anyAction"),
        (["resource": ["cluster": true], "actions": ["shutdown"]], "cluster: shutdown"),
        (["resource": ["db": "shop", "collection": ""], "actions": ["find", "createUser"]], "shop.*: createUser"),
        (["resource": ["db": "", "collection": ""], "actions": ["find"]], "every database: find"),
        (["resource": ["db": "shop", "collection": ""], "actions": ["dropDatabase"]], "shop.*: dropDatabase"),
    ]

    @Test(arguments: privilegeCases)
    func privileges(_ privilege: BSONDocument, reason: String?) {
        #expect(RootLikeRoles.broadPrivileges([privilege]) == (reason.map { [$0] } ?? []))
    }

    @Test func reasonsCombineDirectRolesInheritedRolesAndPrivileges() {
        let app = RoleName(role: "app", db: "shop")
        let plain = AppUserPrivileges(users: ["app@shop"], roles: [app, RoleName(role: "readWrite", db: "shop")],
                                      userDefined: [app: ([RoleName(role: "read", db: "shop")],
                                                          [["resource": ["db": "shop", "collection": "users"], "actions": ["find"]]])])
        #expect(plain.reasons.isEmpty)
        let inherited = AppUserPrivileges(users: ["ops@admin"], roles: [app],
                                          userDefined: [app: ([RoleName(role: "root", db: "admin")], [])])
        #expect(inherited.reasons == ["role app@shop inherits root@admin"])
        let listed = AppUserPrivileges(users: ["admin@admin"], roles: [RoleName(role: "root", db: "admin")],
                                       privileges: [["resource": ["anyResource": true], "actions": ["anyAction"]]])
        #expect(listed.reasons == ["role root@admin", "privilege anyResource: anyAction"])
    }
}
