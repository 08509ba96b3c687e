/// A problem with a catalog file: one line naming the file, the entry and what is wrong.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (path as given to the loader).
    public var file: String
    /// The entry: its id, or `#N` (1-based position) when it has no usable id; `nil` for file-level problems.
    public var entry: String?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(file: String, entry: String? = nil, reason: String) {
        self.file = file
        self.entry = entry
        self.reason = reason
    }

    /// `Diagnostics/x.json: entry 'dbpath.missing': invalid messagePattern …`.
    public var description: String {
        guard let entry else { return "\(file): \(reason)" }
        return "\(file): entry '\(entry)': \(reason)"
    }
}

/// Errors of the log analysis.
public enum MongodDiagnosisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no JSON, legacy or stderr line of mongod at all.
    case notAMongodLog(source: String)
    /// No catalog directory was found; `tried` lists where the locator looked.
    case catalogNotFound(tried: [String])
    /// A catalog directory given explicitly (option or environment) does not exist.
    case catalogDirectoryMissing(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .notAMongodLog(let source):
            "not a mongod log: no JSON or legacy log line found in \(source)"
        case .catalogNotFound(let tried):
            "no diagnostics catalog found (looked in: \(tried.joined(separator: ", ")))"
        case .catalogDirectoryMissing(let path):
            "diagnostics catalog directory \(path) does not exist"
        }
    }
}
