import DoctorCore
import Foundation
import MongodDiagnosis
import Testing

/// Every finding of the connection stages and the local checks has its wording in `Diagnostics/`:
/// `connection.json`, `local-mongod.json`, and the `mongod-*.json` entries it shares with the log analysis.
@Suite("Connection and local catalog")
struct ConnectionCatalogTests {
    /// The files that hold only wording (no match rules) for the checks' findings.
    static let wordingFiles = ["connection.json", "local-mongod.json", "authstore-check.json"]

    static func wordingEntries() throws -> [RawCatalogEntry] {
        try wordingFiles.flatMap(RawCatalogEntry.load)
    }

    @Test("the id declarations are read", arguments: DeclaredIDs.findingFiles + DeclaredIDs.fixFiles)
    func declarationsRead(file: (path: String, sample: String)) throws {
        let ids = try DeclaredIDs.literals(in: file.path)
        #expect(ids.contains(file.sample))
        #expect(ids.count == Set(ids).count, "an id declared twice in \(file.path)")
    }

    @Test("every declared finding id has an entry with a title and an explanation")
    func everyIDHasAnEntry() throws {
        let catalog = try Fixtures.builtInCatalog()
        let declared = try DeclaredIDs.findingIDs()
        #expect(declared.filter { catalog.entry(id: FindingID(rawValue: $0)) == nil } == [])
        for id in declared {
            guard let entry = catalog.entry(id: FindingID(rawValue: id)) else { continue }
            #expect(!entry.title.isEmpty && !entry.explanation.isEmpty, "\(id)")
        }
    }

    @Test("entries written for the checks say how the problem is detected and have no match rules")
    func detection() throws {
        let catalog = try Fixtures.builtInCatalog()
        let declared = Set(try DeclaredIDs.findingIDs())
        // The shared mongod-*.json entries get their `detection` in their own files; these are all ours.
        let ours = catalog.entries.filter { entry in Self.wordingFiles.contains { entry.sourceFile.hasSuffix("/" + $0) } }
        #expect(ours.count >= 50)
        for entry in ours {
            #expect(!entry.detection.isEmpty, "\(entry.id)")
            #expect(entry.match.isEmpty, "\(entry.id): the checks decide, not a log line")
            #expect(entry.manual.map { $0.hasPrefix("https://www.mongodb.com/docs/") } ?? true, "\(entry.id)")
        }
        let undeclared = ours.map(\.id.rawValue).filter { !declared.contains($0) }
        #expect(undeclared == [], "every entry written for the checks has a constant in code")
    }

    @Test("an entry with fixes has them for Linux, macOS and Windows, with the code's fix ids")
    func fixesPerPlatform() throws {
        let catalog = try Fixtures.builtInCatalog()
        let fixIDs = try DeclaredIDs.fixIDs()
        let lintIDs = try DeclaredIDs.lintIDs()
        for raw in try Self.wordingEntries() {
            let entry = try #require(catalog.entry(id: FindingID(rawValue: raw.id)))
            guard !entry.fixes.isEmpty else { continue }
            for platform in Platform.allCases {
                #expect(!(entry.fixes[platform] ?? []).isEmpty, "\(raw.id) has no \(platform) fix")
            }
            let ids = Set(entry.fixes.values.flatMap { $0.map(\.id.rawValue) })
            let rewrite = lintIDs.contains(raw.id) ? [raw.id + ".rewrite"] : []
            #expect(ids.subtracting(fixIDs).subtracting(rewrite) == [], "\(raw.id): fix ids the code does not declare")
        }
    }

    @Test("every placeholder is documented in _placeholders, and every documented one is used")
    func placeholdersDocumented() throws {
        for entry in try Self.wordingEntries() {
            #expect(entry.object["_placeholders"] is [String: Any], "\(entry.id)")
            #expect(entry.usedPlaceholders == entry.documentedPlaceholders, "\(entry.id)")
        }
    }

    @Test("titles and summaries have no <…> for the user to fill, and no secret")
    func nothingLeftToFill() throws {
        for entry in try Self.wordingEntries() {
            for text in entry.titleAndSummaries {
                #expect(text.range(of: "<[^<>]*>", options: .regularExpression) == nil, "\(entry.id): \(text)")
            }
            for text in entry.templates {
                #expect(!text.lowercased().contains("password=") && !text.contains("://user:"), "\(entry.id): \(text)")
            }
        }
    }

    @Test("permission fixes of these entries touch only mongod's configuration and key files")
    func permissionFixesTouchOnlyMongodFiles() throws {
        var targets: [String] = []
        for entry in try Self.wordingEntries() {
            targets += entry.commands.flatMap(PermissionCommand.targets)
        }
        #expect(!targets.isEmpty)
        #expect(Set(targets).subtracting(["{config}", "{keyFile}"]) == [])
    }

    @Test("no fix in the built-in catalog chowns or chmods a system or home directory")
    func noDangerousPermissionFix() throws {
        for entry in try Fixtures.builtInCatalog().entries {
            for command in entry.fixes.values.flatMap({ $0.flatMap(\.commands) }) {
                let bad = PermissionCommand.targets(of: command).filter(PermissionCommand.isForbidden)
                #expect(bad == [], "\(entry.id): \(command)")
            }
        }
    }

    @Test("the permission command reader finds the changed paths", arguments: [
        ("sudo chown -R mongodb:mongodb /var/log", ["/var/log"]),
        ("sudo mkdir -p {dbpath} && sudo chown {user} {dbpath}", ["{dbpath}"]),
        ("sudo chmod 640 '/etc/mongod.conf'", ["/etc/mongod.conf"]),
        (#"icacls C:\Users\me\ /grant me:(OI)(CI)F /T"#, [#"C:\Users\me"#]),
        ("chmod 700 ~/", ["~"]),
        ("openssl rand -base64 -out {keyFile} 756", []),
    ])
    func permissionCommandTargets(command: String, expected: [String]) {
        #expect(PermissionCommand.targets(of: command) == expected)
        #expect(PermissionCommand.isForbidden("/var/log") && PermissionCommand.isForbidden("/home/alice"))
        #expect(!PermissionCommand.isForbidden("/var/log/mongodb") && !PermissionCommand.isForbidden("{dbpath}"))
    }
}
