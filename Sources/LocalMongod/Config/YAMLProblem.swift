/// Why a configuration file is not valid YAML, located for the user.
public struct YAMLProblem: Sendable, Equatable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// The parser's words (`found character that cannot start any token`).
    public var problem: String
    /// Likely causes in plain words (tabs, backslashes in double quotes, a missing space after `:`).
    public var hints: [String]
    /// The offending line with a caret under the column.
    public var snippet: String

    /// Creates a problem.
    public init(line: Int, column: Int, problem: String, hints: [String] = [], snippet: String = "") {
        self.line = line
        self.column = column
        self.problem = problem
        self.hints = hints
        self.snippet = snippet
    }
}
