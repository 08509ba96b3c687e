/// Why an automatic fix was not made; its description is the one-line reason shown to the user.
public struct FixActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
