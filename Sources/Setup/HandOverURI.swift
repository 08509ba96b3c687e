import ConnectionString
import Foundation

/// The connection string setup hands the application: the target's hosts and options, the auth
/// database as its path, and the app user's credentials when one was created (its `authSource` is
/// then the path database, so an `authSource` option is dropped). Without an app user the target's
/// own credentials stay. Never printed as it is: show it through `URIRedaction`.
enum HandOverURI {
    static func make(target: String, database: String, appUser: SetupAppUser?) -> String {
        guard let schemeEnd = target.range(of: "://") else { return target }
        let scheme = target[..<schemeEnd.upperBound]
        let rest = target[schemeEnd.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[rest.index(after: $0)...]) }
        let beforeQuery = rest.prefix { $0 != "?" }
        let authority = beforeQuery.prefix { $0 != "/" }
        var userInfo = authority.lastIndex(of: "@").map { String(authority[..<$0]) }
        let hosts = authority.lastIndex(of: "@").map { String(authority[authority.index(after: $0)...]) } ?? String(authority)
        var options = (query ?? "").split(separator: "&").map(String.init)
        if let appUser {
            userInfo = ConnectionString.encodeCredential(appUser.name) + ":" + ConnectionString.encodeCredential(appUser.password)
            options.removeAll { $0.lowercased().hasPrefix("authsource=") }
        }
        let credentials = userInfo.map { $0 + "@" } ?? ""
        let path = "/" + ConnectionString.encodeCredential(database)
        return scheme + credentials + hosts + path + (options.isEmpty ? "" : "?" + options.joined(separator: "&"))
    }
}
