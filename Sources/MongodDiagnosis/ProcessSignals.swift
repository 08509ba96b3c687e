/// The signals that end a mongod process in ways users meet, as service managers report them
/// (`status=4/ILL`, `signal=ILL`) and as shells do (exit status 128 + the signal's number).
public enum ProcessSignals {
    /// One signal: its number, name and what it usually means for mongod.
    public struct Signal: Sendable, Equatable {
        /// The signal number on Linux.
        public var number: Int
        /// The name without `SIG` (`ILL`).
        public var name: String
        /// What it usually means for mongod.
        public var summary: String
        /// The exit status a shell reports for a process ended by it (128 + number).
        public var shellStatus: Int { 128 + number }
    }

    /// The signals this tool explains.
    public static let known: [Signal] = [
        Signal(number: 4, name: "ILL", summary: "killed by an illegal instruction: this CPU lacks an instruction the binary needs (AVX for MongoDB 5.0+)"),
        Signal(number: 6, name: "ABRT", summary: "aborted itself after a fatal assertion (its log says which)"),
        Signal(number: 9, name: "KILL", summary: "killed with SIGKILL, often by the out-of-memory killer or a container memory limit (see dmesg)"),
        Signal(number: 11, name: "SEGV", summary: "crashed with a segmentation fault (its log has the stack trace)"),
        Signal(number: 15, name: "TERM", summary: "asked to stop (a normal shutdown request)"),
    ]

    /// The signal named `name` (`ILL`, `SIGILL`, any case) or numbered `name` (`4`).
    public static func signal(_ name: String) -> Signal? {
        let upper = name.uppercased()
        let bare = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
        if let number = Int(bare) { return known.first { $0.number == number } }
        return known.first { $0.name == bare }
    }

    /// The signal a shell exit status above 128 stands for.
    public static func signal(forShellStatus status: Int) -> Signal? {
        known.first { $0.shellStatus == status }
    }
}
