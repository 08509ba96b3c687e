public import MongoBridge

/// What `provision` found in the database: everything the plan depends on, read once before planning
/// and again after applying. A plain value, so the plan is a pure function of it (tested offline).
public struct ProvisionState: Sendable, Equatable {
    /// One existing collection's options as `listCollections` reports them.
    public struct Collection: Sendable, Equatable {
        /// The `$jsonSchema` of its validator, when it has one.
        public var jsonSchema: BSONDocument?
        /// Whether it has a validator of another kind (query operators, not `$jsonSchema`).
        public var hasOtherValidator: Bool
        /// `validationLevel` (mongod's default is `strict`).
        public var validationLevel: String?
        /// Its indexes (`listIndexes`).
        public var indexes: [BSONDocument]

        /// Creates a description.
        public init(jsonSchema: BSONDocument? = nil, hasOtherValidator: Bool = false, validationLevel: String? = nil, indexes: [BSONDocument] = []) {
            self.jsonSchema = jsonSchema
            self.hasOtherValidator = hasOtherValidator
            self.validationLevel = validationLevel
            self.indexes = indexes
        }
    }

    /// The existing collections by name.
    public var collections: [String: Collection]
    /// Groups of usernames equal when case is ignored (each group two or more names).
    public var duplicateUsernames: [[String]]
    /// Whether `hello` says mongos (`msg: "isdbgrid"`).
    public var isMongos: Bool
    /// The shard key of `sessions`, when it is sharded (from `config.collections`).
    public var sessionsShardKey: BSONDocument?
    /// The app role's privileges, when the role exists.
    public var appRolePrivileges: [BSONValue]?
    /// The app user's roles (`{role, db}`), when the user exists.
    public var appUserRoles: [BSONValue]?
    /// The privilege the connecting user lacks to create the app role and user (`nil`: none lacking).
    public var missingPrivilege: String?

    /// Creates a state; the defaults describe an empty database on a replica set.
    public init(
        collections: [String: Collection] = [:], duplicateUsernames: [[String]] = [], isMongos: Bool = false,
        sessionsShardKey: BSONDocument? = nil, appRolePrivileges: [BSONValue]? = nil, appUserRoles: [BSONValue]? = nil,
        missingPrivilege: String? = nil
    ) {
        self.collections = collections
        self.duplicateUsernames = duplicateUsernames
        self.isMongos = isMongos
        self.sessionsShardKey = sessionsShardKey
        self.appRolePrivileges = appRolePrivileges
        self.appUserRoles = appUserRoles
        self.missingPrivilege = missingPrivilege
    }
}
