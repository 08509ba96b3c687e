public import MongoBridge
import DoctorCore

extension ProvisionPlanner {
    /// The actions the app role grants on each auth collection: exactly these four.
    public static let appActions = ["find", "insert", "update", "remove"]

    /// The app role's privileges: the four actions on each auth collection of the layout (not the ledger).
    public static func appPrivileges(_ request: ProvisionRequest) -> [BSONValue] {
        request.names.all(for: request.layout).map { collection in
            .document([
                "resource": .document(["db": .string(request.database), "collection": .string(collection)]),
                "actions": .array(appActions.map { .string($0) }),
            ])
        }
    }

    /// `(db, collection, sorted actions)` of each privilege, to compare roles whatever the order.
    static func normalized(_ privileges: [BSONValue]) -> Set<String> {
        Set(privileges.compactMap { value -> String? in
            guard let doc = value.documentValue, let resource = doc["resource"]?.documentValue else { return nil }
            let actions = (doc["actions"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
            return "\(resource["db"]?.stringValue ?? "?").\(resource["collection"]?.stringValue ?? "?"):\(actions.joined(separator: ","))"
        })
    }

    static func appUserSteps(_ appUser: AppUserRequest, _ state: ProvisionState, _ request: ProvisionRequest) -> [ProvisionStep] {
        let role = appUser.roleName
        if let missing = state.missingPrivilege {
            let detail = "the connecting user lacks \(missing) on \(request.database)"
            return [
                ProvisionStep(id: "app-role", status: .blocked, detail: "\(detail): role \(role) not created", finding: .authStoreMissingPrivilege, items: [missing]),
                ProvisionStep(id: "app-user", status: .blocked, detail: "\(detail): user \(appUser.name) not created", finding: .authStoreMissingPrivilege, items: [missing]),
            ]
        }
        let privileges = appPrivileges(request)
        let roleStep: ProvisionStep
        switch state.appRolePrivileges {
        case nil:
            roleStep = ProvisionStep(id: "app-role", status: .planned,
                                     detail: "create role \(role): find, insert, update, remove on \(request.names.all(for: request.layout).joined(separator: ", "))",
                                     action: .createRole(name: role, privileges: privileges))
        case let existing? where normalized(existing) == normalized(privileges):
            roleStep = ProvisionStep(id: "app-role", status: .unchanged, detail: "role \(role) exists with exactly find, insert, update, remove on the auth collections")
        case _?:
            roleStep = ProvisionStep(id: "app-role", status: .conflict, detail: "role \(role) exists with other privileges; left alone", finding: .authStoreRoleConflict)
        }
        let userStep: ProvisionStep
        switch state.appUserRoles {
        case nil:
            userStep = ProvisionStep(id: "app-user", status: .planned, detail: "create user \(appUser.name) in \(request.database) with role \(role) (password not shown)",
                                     action: .createUser(name: appUser.name, role: role))
        case let roles? where roles.contains(where: { $0.documentValue?["role"]?.stringValue == role && $0.documentValue?["db"]?.stringValue == request.database }):
            userStep = ProvisionStep(id: "app-user", status: .unchanged, detail: "user \(appUser.name) exists with role \(role) (its password was left as it is)")
        case _?:
            userStep = ProvisionStep(id: "app-user", status: .conflict, detail: "user \(appUser.name) exists without role \(role); left alone", finding: .authStoreRoleConflict)
        }
        return [roleStep, userStep]
    }
}
