/// A rewrite of a valid connection string that means the same to the spec, in a form that drivers
/// with a stricter parser (libmongoc 1.23) accept.
///
/// Only rewrites whose meaning is provably the same are made, and the result is re-parsed and
/// compared with the original before it is offered:
/// - a `/` is added before `?` when the host list is followed directly by options;
/// - legacy `;` separators between options become `&`;
/// - options whose value the spec ignores (an invalid value, a deprecated alias given with its
///   canonical name) are dropped, as the spec says a driver must treat them;
/// - a path database with a `.` (libmongoc rejects those) is moved to `authSource=` when it is the
///   auth database (credentials with a mechanism that authenticates against it, and no `authSource`),
///   and dropped otherwise. The path database then no longer names the application's default
///   database; nothing else depends on it.
public struct EquivalentForm: Sendable, Equatable {
    /// The rewritten connection string. Contains the password: never print it.
    public var uri: String
    /// ``uri`` with its secrets masked.
    public var redacted: String
    /// What was changed, one short phrase each (no secret).
    public var changes: [String]

    /// Mechanisms that authenticate against `$external`, whatever the path database says.
    private static let externalMechanisms: Set<String> = ["GSSAPI", "MONGODB-X509", "MONGODB-AWS", "MONGODB-OIDC"]

    /// The equivalent form of `text`, or `nil` when it does not parse, needs no rewrite, or no
    /// rewrite provably keeps its meaning.
    public static func of(_ text: String) -> EquivalentForm? {
        let outcome = URIParser.parse(text)
        guard let original = outcome.value else { return nil }
        let chars = Array(text)
        let layout = outcome.layout
        var edits: [(range: Range<Int>, replacement: String)] = []
        var changes: [String] = []
        var addedAuthSource: String?
        if let slash = layout.missingSlashAt {
            edits.append((slash..<slash, "/"))
            changes.append("added the '/' before '?'")
        }
        if !layout.legacySeparators.isEmpty {
            edits += layout.legacySeparators.map { ($0..<($0 + 1), "&") }
            changes.append("replaced the legacy ';' separators with '&'")
        }
        if !layout.ignoredPairs.isEmpty {
            edits += layout.ignoredPairs.map { ($0, "") }
            let names = layout.ignoredPairs.map { String(chars[$0].prefix { $0 != "=" }) }
            changes.append("dropped the ignored option\(names.count == 1 ? "" : "s") " + names.map { "'\($0)'" }.joined(separator: ", "))
        }
        if let database = layout.database, let name = original.auth?.db, name.contains(".") {
            edits.append((database, ""))
            let mechanism = original.option("authMechanism")?.stringValue
            let usesPath = original.auth?.username != nil && !externalMechanisms.contains(mechanism ?? "")
            if usesPath, original.option("authSource") == nil {
                addedAuthSource = name
                changes.append("moved the dotted database '\(name)' to authSource=")
            } else {
                changes.append("dropped the dotted database '\(name)' (it is not the auth database here)")
            }
        }
        guard !edits.isEmpty else { return nil }
        var rewritten = apply(edits, to: chars)
        if let source = addedAuthSource {
            let pair = "authSource=" + PercentCoding.encodeSocketPath(source)
            rewritten += layout.queryStart == nil ? "?" + pair : "&" + pair
        }
        rewritten = tidyQuery(rewritten)
        guard let parsed = URIParser.parse(rewritten).value,
              sameMeaning(original, parsed, authSource: addedAuthSource) else { return nil }
        return EquivalentForm(uri: rewritten, redacted: parsed.redacted, changes: changes)
    }

    /// Applies non-overlapping edits, last first so that earlier offsets stay right.
    private static func apply(_ edits: [(range: Range<Int>, replacement: String)], to chars: [Character]) -> String {
        var out = chars
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(edit.range, with: Array(edit.replacement))
        }
        return String(out)
    }

    /// Removes the empty pairs dropped options leave behind (`?&a=1&&b=2&` → `?a=1&b=2`).
    private static func tidyQuery(_ text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        let pairs = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true)
        let head = String(text[..<question])
        return pairs.isEmpty ? head : head + "?" + pairs.joined(separator: "&")
    }

    /// Whether `rewritten` means what `original` means: same hosts and credentials, the same
    /// valid options (plus the moved `authSource`), and the same database unless it was the dotted one.
    private static func sameMeaning(_ original: ConnectionString, _ rewritten: ConnectionString, authSource: String?) -> Bool {
        var expected = original.options
        if let authSource { expected["authSource"] = .string(authSource) }
        guard original.scheme == rewritten.scheme, original.hosts == rewritten.hosts,
              original.auth?.username == rewritten.auth?.username, original.auth?.password == rewritten.auth?.password,
              expected == rewritten.options else { return false }
        let db = original.auth?.db
        return db == rewritten.auth?.db || db?.contains(".") == true
    }
}
