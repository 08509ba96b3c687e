import Foundation

/// Reads `/proc/locks` to find which process holds a lock on a file (Linux only; best effort).
///
/// Lines look like `1: FLOCK  ADVISORY  WRITE 5922 fe:00:5334927 0 EOF`; the device is
/// `major:minor` in hex and the inode in decimal. Waiting requests (`->`) are skipped.
enum ProcLocks {
    static func holder(inode: UInt64, device: UInt64, text: String? = nil) -> Int32? {
        guard let text = text ?? ProcFile.text("/proc/locks") else { return nil }
        let wantedMajor = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let wantedMinor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, !fields.contains("->") else { continue }
            let id = fields[5].split(separator: ":")
            guard id.count == 3, UInt64(id[2]) == inode, let pid = Int32(fields[4]) else { continue }
            if device != 0, let major = UInt64(id[0], radix: 16), let minor = UInt64(id[1], radix: 16),
                major != wantedMajor || minor != wantedMinor
            {
                continue
            }
            return pid
        }
        return nil
    }
}
