import ConnectionString
import Foundation
import Redaction

/// Keeps the connection strings of this process's command line and of `MONGODB_URI` out of the
/// tool's own error messages (argument-parser echoes a bad argument back verbatim).
enum CommandLineSecrets {
    /// `text` with every such connection string shown redacted and its secrets scrubbed.
    static func scrub(_ text: String) -> String {
        var uris = CommandLine.arguments.filter { $0.contains("://") }
        if let env = ProcessInfo.processInfo.environment["MONGODB_URI"] { uris.append(env) }
        var result = text
        for uri in uris { result = result.replacingOccurrences(of: uri, with: URIRedaction.redact(uri)) }
        return URIRedaction.scrubber(for: uris).scrub(result)
    }
}
