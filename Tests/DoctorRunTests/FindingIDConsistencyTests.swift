import ConnectionString
import DoctorCore
import Foundation
import MongodDiagnosis
import Testing

/// Finding ids are API: every id the code declares, the README documents and the catalog words must be
/// the same set (log findings are catalog entries, so the catalog stands for the code there).
@Suite struct FindingIDConsistencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The string literals of the id constants files (`public static let x: FindingID = "a.b"`,
    /// `public static let x = "uri.y"` in URIIssueID).
    static func codeIDs() throws -> Set<String> {
        let files = ["Sources/DoctorChecks/ConnectionFindingIDs.swift", "Sources/LocalMongod/LocalFindingIDs.swift",
                     "Sources/MongodDiagnosis/LogFindingIDs.swift", "Sources/ConnectionString/URIIssueID.swift",
                     "Sources/DoctorCore/AuthStoreFindingIDs.swift", "Sources/Setup/SetupFindingIDs.swift"]
        var ids: Set<String> = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("static let") {
                if let literal = line.split(separator: "\"").dropFirst().first { ids.insert(String(literal)) }
            }
        }
        return ids
    }

    /// Ids in the README's finding tables (first column) and in its list of log findings.
    static func readmeIDs() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = text.range(of: "### Connection findings"), let end = text.range(of: "## Exit codes") else { return [] }
        var ids: Set<String> = []
        var inLogSection = false
        for line in text[start.lowerBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") { inLogSection = line.contains("log findings") }
            if line.hasPrefix("| `"), let id = line.dropFirst(3).split(separator: "`").first {
                ids.insert(String(id))
            } else if inLogSection {
                for (index, piece) in line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                where index % 2 == 1 && isID(piece) { ids.insert(String(piece)) }
            }
        }
        return ids
    }

    static func isID(_ text: Substring) -> Bool {
        let fileEndings = [".json", ".md", ".swift", ".conf", ".log", ".lock", ".sock"]
        return !fileEndings.contains { text.hasSuffix($0) } && text.contains(".") && text.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }
            && !text.hasPrefix(".") && !text.hasSuffix(".")
    }

    static func catalogIDs() throws -> Set<String> {
        Set(try DiagnosticCatalog.load(directories: [root.appendingPathComponent("Diagnostics")]).entries.map(\.id.rawValue))
    }

    @Test func everyIdInCodeHasACatalogEntry() throws {
        let missing = try Self.codeIDs().subtracting(Self.catalogIDs())
        #expect(missing.isEmpty, "no catalog entry: \(missing.sorted())")
    }

    @Test func everyIdInCodeIsInTheReadme() throws {
        let missing = try Self.codeIDs().subtracting(Self.readmeIDs())
        #expect(missing.isEmpty, "not in the README: \(missing.sorted())")
    }

    @Test func everyCatalogEntryIsInTheReadme() throws {
        let missing = try Self.catalogIDs().subtracting(Self.readmeIDs())
        #expect(missing.isEmpty, "not in the README: \(missing.sorted())")
    }

    @Test func everyReadmeIdHasACatalogEntry() throws {
        let missing = try Self.readmeIDs().subtracting(Self.catalogIDs())
        #expect(missing.isEmpty, "in the README but nowhere in Diagnostics/: \(missing.sorted())")
    }

    @Test func theURISeverityTableAndTheCatalogAgree() throws {
        let catalog = try DiagnosticCatalog.load(directories: [Self.root.appendingPathComponent("Diagnostics")])
        for (id, severity) in URIIssueID.severities {
            #expect(catalog.entry(id: FindingID(rawValue: id))?.severity.rawValue == severity.rawValue, "\(id)")
        }
    }

    @Test func theTestReadsAllThree() throws {
        #expect(try Self.codeIDs().count > 60)
        #expect(try Self.readmeIDs().contains("tcp.refused"))
        #expect(try Self.catalogIDs().contains("dbpath.missing"))
    }
}
