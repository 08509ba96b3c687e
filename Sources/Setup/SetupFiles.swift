public import Foundation

/// The files setup writes (the configuration file, the env file), injected so the flow runs
/// offline in tests. Reads of mongod's own files go through LocalMongod's `FileSystemProbe`.
public protocol SetupFiles: Sendable {
    /// The file's bytes, or `nil` when there is no such file.
    func read(_ path: String) async throws -> Data?
    /// Creates a new file with `contents` and `mode`; never overwrites (throws when `path` exists).
    func createNew(_ path: String, contents: Data, mode: UInt32) async throws
    /// Replaces (or creates) the file atomically: a temporary file in the same directory with
    /// `mode`, flushed, then renamed over `path`. Readers see the old bytes or the new, never half.
    func replace(_ path: String, contents: Data, mode: UInt32) async throws
}

/// Why a file was not written; the description is the one-line reason (a path and the system's words).
public struct SetupFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
