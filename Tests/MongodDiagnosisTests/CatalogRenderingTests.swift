import DoctorCore
import Foundation
@testable import MongodDiagnosis
import Testing

/// Every catalog entry rendered for every platform, as a reader would see it.
@Suite("Catalog rendering")
struct CatalogRenderingTests {
    static let platforms: [Platform] = [.linux, .macos, .windows]
    /// An unfilled `{name}` / `{name|words}`, or a `<placeholder>` left for the reader.
    static let leftover = try! NSRegularExpression(pattern: #"\{[A-Za-z_][A-Za-z0-9_]*(?:\|[^}]*)?\}|<[A-Za-z][A-Za-z0-9 _.-]*>"#)

    static func render(_ entry: DiagnosticEntry, _ platform: Platform, _ values: [String: String] = [:]) -> Finding {
        FindingBuilder(base: Placeholders(platform: platform, values: values), source: "x").finding(entry, events: [])
    }

    static func leftovers(_ finding: Finding) -> [String] {
        let texts = [finding.title, finding.detail] + finding.fixes.flatMap { [$0.summary] + $0.commands }
        return texts.filter { leftover.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    @Test("no entry shows a placeholder when the log gives no values")
    func noPlaceholderLeft() throws {
        for entry in try Fixtures.builtInCatalog().entries {
            for platform in Self.platforms {
                #expect(Self.leftovers(Self.render(entry, platform)) == [], "\(entry.id) on \(platform)")
            }
        }
    }

    @Test("a value the log does not give is said in words; a command that needs it is left out")
    func unknownInWords() {
        let placeholders = Placeholders(platform: .linux)
        #expect(placeholders.fill("Port {port|(unknown)} is busy") == "Port (unknown) is busy")
        #expect(placeholders.fill("version {version}") == "version (the log does not show which)")
        #expect(placeholders.fillCommand("echo {required}") == nil)
        #expect(placeholders.fillCommand("mongod --port {port}") == "mongod --port 27017")
        #expect(Placeholders(platform: .windows).fillCommand("notepad {config}") == nil)
        #expect(Placeholders(platform: .windows, values: ["serverVersion": "7.0.5"]).fillCommand("notepad {config}")
            == #"notepad "C:\Program Files\MongoDB\Server\7.0\bin\mongod.cfg""#)
    }

    /// Directories that are not mongod's own (checked independently of SafeFix).
    static let shared = ["/", "/var", "/var/log", "/tmp", "/etc", "/home/alice", "/Users/alice", "~", "$HOME"]

    @Test("no fix in the catalog chowns or chmods a directory that is not mongod's own, whatever the log says")
    func safeFixes() throws {
        let names = ["dbpath", "logdir", "logpath", "path", "lockFile", "socket", "config"]
        for entry in try Fixtures.builtInCatalog().entries {
            for platform in Self.platforms {
                for directory in Self.shared {
                    let values = Dictionary(uniqueKeysWithValues: names.map { ($0, directory) })
                    for command in Self.render(entry, platform, values).fixes.flatMap(\.commands) {
                        #expect(!Self.changesOwnership(of: Self.shared, command), "\(entry.id) on \(platform): \(command)")
                    }
                }
            }
        }
    }

    static func changesOwnership(of directories: [String], _ command: String) -> Bool {
        let words = command.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "&" || $0 == ";" }).map(String.init)
        guard words.contains(where: { ["chown", "chmod", "chgrp", "icacls"].contains($0) }) else { return false }
        return words.contains { word in directories.contains(word) || directories.contains(word + "/") || word.hasSuffix("/") && directories.contains(String(word.dropLast())) }
    }

    @Test("the guard itself: shared directories are recognised", arguments: [
        ("sudo chown -R mongodb /var/log", true), ("sudo chown mongodb /var/log/mongodb", false),
        ("sudo chmod 755 /home/alice/", true), ("sudo chown $USER '/tmp'", true), ("ls -ld /tmp", false),
        (#"icacls C:\Users\alice /grant x:F"#, true), (#"icacls C:\data\db /grant x:F"#, false),
    ])
    func guardRecognises(command: String, unsafe: Bool) {
        #expect(SafeFix.touchesSharedDirectory(command) == unsafe)
    }
}
