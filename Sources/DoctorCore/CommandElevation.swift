/// How a printed command that needs root is written for the person who will type it.
///
/// The one rule for `sudo` in fix commands: code-built commands (`FixCommands`) and catalog commands
/// (written in `Diagnostics/` for a normal account) both go through it.
public enum CommandElevation: Sendable, Equatable {
    /// A normal account: `sudo` in front; `sudo -u USER` to act as another user.
    case sudo
    /// The reader is root already: no prefix (a container's root shell often has no `sudo`), and on
    /// Linux util-linux's `runuser -u USER --` to act as another user (macOS always has `sudo`).
    case root

    /// How the person running mongo-doctor writes commands for `platform`: `.root` only when that is this
    /// machine's platform (not Windows) and the process runs as root; elsewhere the reader's account is unknown.
    public static func forReader(isRoot: Bool, platform: Platform) -> CommandElevation {
        isRoot && platform == .current && platform != .windows ? .root : .sudo
    }

    /// `argv` with `sudo` in front when this reader needs it.
    public func elevated(_ argv: [String]) -> [String] {
        self == .root ? argv : ["sudo"] + argv
    }

    /// `argv` run as `user` on `platform`.
    public func runAs(_ user: String, _ argv: [String], platform: Platform) -> [String] {
        guard self == .root else { return ["sudo", "-u", user] + argv }
        if user == "root" { return argv }
        return platform == .linux ? ["runuser", "-u", user, "--"] + argv : ["sudo", "-u", user] + argv
    }

    /// A command line written for `.sudo` (a catalog template, already filled) as this reader types it:
    /// every `sudo` that begins a command of the line (at the start, after `&&`, `||`, `|` or `;`) is
    /// dropped, and `sudo -u USER` becomes `runAs`'s form. Lines without `sudo` are returned unchanged.
    public func rewrite(_ line: String, platform: Platform) -> String {
        guard self == .root, line.contains("sudo") else { return line }
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var startsCommand = true
        while index < words.count {
            let word = words[index]
            if startsCommand && word == "sudo" {
                if index + 2 < words.count, words[index + 1] == "-u" {
                    let user = words[index + 2]
                    let replacement = runAs(user, [], platform: platform)
                    words.replaceSubrange(index...(index + 2), with: replacement)
                    index += replacement.count
                } else {
                    words.remove(at: index)
                }
                startsCommand = false
                continue
            }
            startsCommand = ["&&", "||", "|", ";"].contains(word) || word.hasSuffix(";") || (startsCommand && word.isEmpty)
            index += 1
        }
        return words.joined(separator: " ")
    }
}
