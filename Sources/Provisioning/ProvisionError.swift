/// Why `provision` could not run at all (exit 2); never holds a secret.
public struct ProvisionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for people.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
