/// A failure that stops a run before it has a report (exit 2): a bad catalog, an unreadable input.
public struct RunError: Error, CustomStringConvertible, Sendable {
    /// One line naming what is wrong and where.
    public let description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
