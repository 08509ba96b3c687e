/// A migration that cannot start or go on: bad input (not an SQLite file, a locked file, no Lucia
/// tables, an unknown layout), a refused option, a server that fails. One line, never a secret; exit 2.
public struct MigrationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The line.
    public var description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
