import Foundation
import SocketKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real host: `getrlimit`, `getifaddrs`, `$PATH`, and sysfs at `/sys` unless told otherwise.
public struct LiveHost: HostProbe {
    public let sysfsRoot: String

    /// Creates the probe; tests pass a temporary directory as `sysfsRoot`.
    public init(sysfsRoot: String = "/sys") { self.sysfsRoot = sysfsRoot }

    public func openFileSoftLimit() -> UInt64? {
        var limit = rlimit()
        #if canImport(Glibc)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0 else { return nil }
        return UInt64(limit.rlim_cur)  // RLIM_INFINITY is the largest value
    }

    public func interfaceAddresses() -> [String] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return [] }
        defer { freeifaddrs(head) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if let address = entry.pointee.ifa_addr, let text = IPAddressText.text(from: address) {
                addresses.append(text)
            }
            cursor = entry.pointee.ifa_next
        }
        return addresses
    }

    public func searchPath() -> [String] {
        ChildSpawner.environmentPath()
    }
}
