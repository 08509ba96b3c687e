/// Renders `stat` facts the way `ls -l` does, for evidence lines: `drwxr-xr-x root:root /data/db`.
enum FileDescription {
    /// `drwxr-xr-x` for a status.
    static func modeString(_ status: FileStatus) -> String {
        let type: Character = switch status.kind {
        case .directory: "d"
        case .socket: "s"
        case .symlink: "l"
        case .regular: "-"
        case .other: "?"
        }
        let p = status.permissions
        var chars: [Character] = [type]
        let triples: [(shift: UInt32, special: UInt32, mark: Character)] = [(6, 0o4000, "s"), (3, 0o2000, "s"), (0, 0o1000, "t")]
        for (shift, special, mark) in triples {
            let bits = (p >> shift) & 0o7
            chars.append(bits & 4 != 0 ? "r" : "-")
            chars.append(bits & 2 != 0 ? "w" : "-")
            let exec = bits & 1 != 0
            if p & special != 0 {
                chars.append(exec ? mark : Character(mark.uppercased()))
            } else {
                chars.append(exec ? "x" : "-")
            }
        }
        return String(chars)
    }

    /// `0750` for a status.
    static func octal(_ status: FileStatus) -> String {
        let digits = String(status.permissions & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `drwxr-xr-x root:root /data/db`.
    static func describe(_ path: String, _ status: FileStatus, users: any UserDirectory) -> String {
        "\(modeString(status)) \(users.ownerDescription(uid: status.uid, gid: status.gid)) \(path)"
    }

    /// `mongodb (uid 999)` or `uid 999`.
    static func describe(user: UserIdentity) -> String {
        "\(user.name) (uid \(user.uid))"
    }
}
