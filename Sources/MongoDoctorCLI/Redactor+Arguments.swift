import DoctorCore
import Foundation

extension Redactor {
    /// `text` scrubbed of the secrets in any connection string on this process's command line
    /// or in `MONGODB_URI` (argument-parser echoes bad arguments back verbatim).
    static func scrubArguments(_ text: String) -> String {
        var uris = CommandLine.arguments.filter { $0.contains("://") }
        if let env = ProcessInfo.processInfo.environment["MONGODB_URI"] { uris.append(env) }
        var result = text
        for uri in uris {
            result = Redactor(uri: uri).scrub(result)
            result = result.replacingOccurrences(of: uri, with: Redactor.redactURI(uri))
        }
        return result
    }
}
