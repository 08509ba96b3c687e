#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the doctor writes an elevated command for the person running the tests.
///
/// Fix commands carry `sudo` only when the reader is not already root: a container's root shell often has no
/// `sudo` at all. Tests that check a command built from this machine's live user use this, so they assert the
/// right form both as root (CI) and as a normal user.
public enum AsThisUser {
    /// Whether the tests run as root.
    public static var isRoot: Bool { geteuid() == 0 }

    /// `command` as an elevated fix shows it: with `sudo ` in front unless running as root.
    public static func sudo(_ command: String) -> String { isRoot ? command : "sudo " + command }

    /// Running `command` as `user`: `sudo -u`, or util-linux's `runuser` for root on Linux.
    public static func asUser(_ user: String, _ command: String) -> String {
        isRoot ? "runuser -u \(user) -- \(command)" : "sudo -u \(user) \(command)"
    }
}
