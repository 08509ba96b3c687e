import Foundation

/// The ids the code declares, read from its Swift sources.
///
/// This test target does not link the check libraries; reading the declarations keeps the
/// catalog honest about every id, including those no offline test can trigger.
enum DeclaredIDs {
    /// The root of the source tree.
    static let root = Fixtures.diagnosticsDirectory.deletingLastPathComponent()

    /// The files that declare finding ids, each with one id it must hold (so a broken
    /// extraction fails loudly instead of finding nothing).
    static let findingFiles: [(path: String, sample: String)] = [
        ("Sources/ConnectionString/URIIssueID.swift", "uri.quoted"),
        ("Sources/DoctorChecks/ConnectionFindingIDs.swift", "tcp.refused"),
        ("Sources/LocalMongod/LocalFindingIDs.swift", "mongod.not-running"),
        ("Sources/DoctorCore/AuthStoreFindingIDs.swift", "authstore.missing"),
        ("Sources/Setup/SetupFindingIDs.swift", "setup.wait-timeout"),
    ]

    /// The files that declare fix ids.
    static let fixFiles: [(path: String, sample: String)] = [
        ("Sources/DoctorChecks/ConnectionFixIDs.swift", "mongod.start"),
        ("Sources/LocalMongod/LocalFixIDs.swift", "dbpath.create-directory"),
        ("Sources/DoctorChecks/AuthStoreFixIDs.swift", "authstore.provision"),
        ("Sources/Setup/SetupFixIDs.swift", "setup.read-log"),
    ]

    /// The string literals assigned to `static let` constants in `path` (relative to the root).
    static func literals(in path: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"static let \w+(?:: \w+)? = "([^"]+)""#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Every finding id of the connection stages, the `uri.*` lint and the local checks.
    static func findingIDs() throws -> [String] {
        try findingFiles.flatMap { try literals(in: $0.path) }
    }

    /// Every fix id the connection stages and the local checks declare.
    static func fixIDs() throws -> Set<String> {
        Set(try fixFiles.flatMap { try literals(in: $0.path) })
    }

    /// The `uri.*` lint ids, whose suggestions become the fix `<id>.rewrite`.
    static func lintIDs() throws -> Set<String> {
        Set(try literals(in: findingFiles[0].path))
    }
}
