/// mongo-doctor's exit statuses: API, documented in the README; every command exits with one of these.
public enum ExitStatus {
    /// No finding has severity error (warnings allowed).
    public static let clean: Int32 = 0
    /// At least one error finding: something is broken for this target.
    public static let findings: Int32 = 1
    /// The tool could not do its job: bad arguments, unreadable or unrecognisable input.
    public static let toolFailure: Int32 = 2
}
