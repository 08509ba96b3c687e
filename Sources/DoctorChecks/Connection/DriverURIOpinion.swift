import ConnectionString
import Redaction
import DoctorCore
import MongoBridge

/// libmongoc 1.23's verdict on a connection string, a fact beside the spec's verdict: published by
/// the `uri` stage, shown as `driverAccepts` / `driverError` in `uri --json`.
///
/// libmongoc disagrees with the spec on a few URIs (a dotted database, no `/` before `?`, OIDC
/// without a user, values the spec says to ignore); that is `uri.driver-rejects`, a warning: only
/// drivers built on libmongoc (C, C++, PHP, Swift) and this tool's later stages are affected.
public struct DriverURIOpinion: Sendable, Equatable {
    /// Whether libmongoc accepts the connection string exactly as given.
    public var accepts: Bool
    /// libmongoc's error when it does not, with the secrets removed.
    public var error: String?

    /// Creates an opinion.
    public init(accepts: Bool, error: String?) {
        self.accepts = accepts
        self.error = error
    }

    /// Who is affected when libmongoc rejects a string the spec allows.
    static let affected = "Drivers built on libmongoc (C, C++, PHP, Swift) and this tool's own later stages reject it; "
        + "drivers that follow the specification (Node.js, Python, Java, Go, C#, Rust…) accept it."

    /// What libmongoc said about one string.
    struct Verdict {
        var error: MongoError?
        var logged: [String] = []
        var accepted: Bool { error == nil }
    }

    /// Asks libmongoc to parse `uri`. Blocking (libmongoc's log capture): call it on a dedicated thread.
    static func ask(_ uri: String, scrubber: TextScrubber) -> Verdict {
        let mark = MongoLogCapture.shared.mark()
        do {
            _ = try MongoURI(uri)
            return Verdict()
        } catch {
            let logged = MongoLogCapture.shared.entries(since: mark)
                .filter { $0.level <= .warning }
                .map { "libmongoc log: " + String($0.message(scrubbing: scrubber).reversed().drop(while: \.isWhitespace).reversed()) }
            return Verdict(error: error, logged: logged)
        }
    }

    /// The opinion for the JSON section.
    init(_ verdict: Verdict, scrubber: TextScrubber) {
        accepts = verdict.accepted
        error = verdict.error.map { $0.message(scrubbing: scrubber) }
    }

    /// `uri.driver-rejects` for a string the spec accepts and libmongoc rejected; `equivalent` is the
    /// form libmongoc accepts that the later stages use, when there is one.
    static func finding(for verdict: Verdict, equivalent: EquivalentForm?, scrubber: TextScrubber) -> Finding? {
        guard let error = verdict.error else { return nil }
        let message = error.message(scrubbing: scrubber)
        let used = equivalent.map {
            "the later stages used the equivalent form libmongoc accepts: \($0.redacted) (\($0.changes.joined(separator: "; ")))"
        } ?? "no equivalent form libmongoc accepts was found: the later stages use the string as given, and libmongoc will refuse it"
        var fix = workaround(for: error.rawMessage + " " + verdict.logged.joined(separator: " "))
        if let equivalent { fix.summary += ". Same meaning, accepted by libmongoc: \(equivalent.redacted)" }
        return Finding(
            id: .uriDriverRejects, severity: URIIssueID.severity(of: URIIssueID.driverRejects) == .error ? .error : .warning,
            title: "libmongoc 1.23 rejects this connection string, which the specification allows: \(message)",
            detail: affected,
            evidence: ["libmongoc \(error.domain)/\(error.code): \(message)"] + verdict.logged + [used],
            fixes: [fix], values: ["message": message])
    }

    /// The workaround for what libmongoc said.
    static func workaround(for text: String) -> Fix {
        if text.contains("'/' is required") || text.contains("Invalid host string") {
            return Fix(id: .uriAddSlash, summary: "Put a '/' between the host list and '?', e.g. mongodb://host:27017/?tls=true")
        }
        if text.contains("database name") {
            return Fix(id: .uriPlainDatabase,
                       summary: "Use a database name without '.' in the path, and name the auth database with authSource=")
        }
        if text.contains("requires username") || text.contains("MONGODB-OIDC") {
            return Fix(id: .uriAddUsername, summary: "Give a username for this authMechanism (libmongoc requires one)")
        }
        return Fix(id: .uriRewriteForDriver, summary: "Rewrite the connection string in the form libmongoc accepts (see the evidence)")
    }
}
