import Redaction
import DoctorCore
import MongoBridge

/// libmongoc 1.23's verdict on a connection string our parser accepted.
///
/// It disagrees with the spec on a few URIs (a dotted auth database, no `/` before `?`, OIDC without
/// a user), and it reports some problems only as log warnings; both become evidence here.
enum DriverURIOpinion {
    /// `uri.driver-rejects` when libmongoc cannot parse `uri`, else `nil`.
    static func check(_ uri: String, scrubber: TextScrubber) -> Finding? {
        let mark = MongoLogCapture.shared.mark()
        do {
            _ = try MongoURI(uri)
            return nil
        } catch {
            let logged = MongoLogCapture.shared.entries(since: mark)
                .filter { $0.level <= .warning }
                .map { "libmongoc log: " + $0.message(scrubbing: scrubber) }
            let message = error.message(scrubbing: scrubber)
            return Finding(
                id: .uriDriverRejects, severity: .error,
                title: "libmongoc 1.23 rejects this connection string: \(message)",
                detail: "The MongoDB specification allows this form, but the C driver (and tools built on it) will not connect.",
                evidence: ["libmongoc \(error.domain)/\(error.code): \(message)"] + logged,
                fixes: [workaround(for: error.rawMessage + " " + logged.joined(separator: " "))])
        }
    }

    /// The workaround for what libmongoc said.
    static func workaround(for text: String) -> Fix {
        if text.contains("'/' is required") {
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
