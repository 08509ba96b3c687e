#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real user database, through the reentrant `getpwnam_r`, `getpwuid_r`, `getgrgid_r`
/// and `getgrouplist`.
public struct LiveUserDirectory: UserDirectory {
    /// Creates the directory.
    public init() {}

    public func user(named name: String) -> UserIdentity? {
        withPasswd { entry, buffer, size, result in getpwnam_r(name, entry, buffer, size, result) }
    }

    public func user(uid: UInt32) -> UserIdentity? {
        withPasswd { entry, buffer, size, result in getpwuid_r(uid_t(uid), entry, buffer, size, result) }
    }

    public func groupName(gid: UInt32) -> String? {
        var group = Glibc_or_Darwin_group()
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        var result: UnsafeMutablePointer<Glibc_or_Darwin_group>?
        guard getgrgid_r(gid_t(gid), &group, &buffer, buffer.count, &result) == 0, result != nil, let name = group.gr_name
        else { return nil }
        return String(cString: name)
    }

    public func currentUser() -> UserIdentity? { user(uid: UInt32(geteuid())) }

    private func withPasswd(
        _ lookup: (UnsafeMutablePointer<passwd>, UnsafeMutablePointer<CChar>, Int, UnsafeMutablePointer<UnsafeMutablePointer<passwd>?>) -> Int32
    ) -> UserIdentity? {
        var entry = passwd()
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        var result: UnsafeMutablePointer<passwd>?
        let status = buffer.withUnsafeMutableBufferPointer { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return lookup(&entry, base, raw.count, &result)
        }
        guard status == 0, result != nil, let namePointer = entry.pw_name else { return nil }
        let name = String(cString: namePointer)
        return UserIdentity(
            name: name, uid: UInt32(entry.pw_uid), gid: UInt32(entry.pw_gid),
            groups: Self.groups(of: name, primary: UInt32(entry.pw_gid)))
    }

    /// Every group of a user (`getgrouplist`), primary included.
    static func groups(of name: String, primary: UInt32) -> [UInt32] {
        var count: Int32 = 64
        for _ in 0..<4 {
            #if canImport(Darwin)
            var list = [Int32](repeating: 0, count: Int(count))
            if getgrouplist(name, Int32(bitPattern: primary), &list, &count) != -1 {
                return list.prefix(Int(count)).map { UInt32(bitPattern: $0) }
            }
            #else
            var list = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(name, gid_t(primary), &list, &count) != -1 {
                return list.prefix(Int(count)).map { UInt32($0) }
            }
            #endif
            count *= 2
        }
        return [primary]
    }
}

#if canImport(Glibc)
typealias Glibc_or_Darwin_group = Glibc.group
#elseif canImport(Darwin)
typealias Glibc_or_Darwin_group = Darwin.group
#endif
