/// A user account as the system database knows it.
public struct UserIdentity: Sendable, Equatable {
    /// Login name.
    public var name: String
    /// User id.
    public var uid: UInt32
    /// Primary group id.
    public var gid: UInt32
    /// All group ids the user belongs to, primary included.
    public var groups: [UInt32]

    /// Creates an identity.
    public init(name: String, uid: UInt32, gid: UInt32, groups: [UInt32] = []) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.groups = groups.contains(gid) ? groups : [gid] + groups
    }

    /// Whether this is the superuser.
    public var isRoot: Bool { uid == 0 }
}

/// The user and group database (`getpwnam`, `getpwuid`, `getgrgid`), injected for tests.
public protocol UserDirectory: Sendable {
    /// The account named `name`.
    func user(named name: String) -> UserIdentity?
    /// The account with `uid`.
    func user(uid: UInt32) -> UserIdentity?
    /// The name of group `gid`.
    func groupName(gid: UInt32) -> String?
    /// The account this process runs as (effective uid).
    func currentUser() -> UserIdentity?
}

extension UserDirectory {
    /// `name:group` of a uid/gid pair, falling back to the numbers (`999:999`).
    public func ownerDescription(uid: UInt32, gid: UInt32) -> String {
        let user = user(uid: uid)?.name ?? String(uid)
        let group = groupName(gid: gid) ?? String(gid)
        return "\(user):\(group)"
    }
}
