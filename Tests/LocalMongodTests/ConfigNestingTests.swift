import DoctorCore
import Foundation
import LocalMongod
import Testing

/// A configuration nested thousands deep is refused by line and column before the YAML library builds
/// it (its recursion overflowed the stack: `check --config` died with SIGSEGV); a merely unusual one,
/// hundreds deep, is still read.
@Suite("config.parse: nesting")
struct ConfigNestingTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        /// Where the refusal points, or nil when the file must be read (its options judged).
        let refusedAt: (line: Int, column: Int)?
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "100,000 flow sequences", text: "net:\n  bindIp: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
               refusedAt: (2, 517)),  // block bound 6 (indent 2), so the 507th bracket, at column 11 + 506
        Sample(name: "100,000 block sequence indicators on one line", text: "a:\n  " + String(repeating: "- ", count: 100_000) + "x\n",
               refusedAt: (2, 509)),  // 6 + 2 per indicator passes 512 at the 254th, column 3 + 2 * 253
        Sample(name: "10,000 mappings, one more space each", text: (0..<10_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + "\n",
               refusedAt: (257, 257)),  // indentation 256: 2 * 256 + 2 passes 512
        Sample(name: "500 flow sequences", text: "a: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "\n", refusedAt: nil),
        Sample(name: "an ordinary file", text: "net:\n  bindIp: [127.0.0.1, \"::1\"]\nsetParameter: {enableLocalhostAuthBypass: false}\n", refusedAt: nil),
    ]

    @Test("deep nesting is refused where it passes the bound, never a crash", arguments: samples)
    func nesting(_ sample: Sample) async throws {
        let dir = try TestDirectory("cfg")
        defer { dir.remove() }
        let path = try dir.write("mongod.conf", sample.text)
        let outcome = try await runCheck("config.parse", LocalSetup(configPath: path, serviceUser: "root"))
        let invalid = outcome.finding("config.invalid-yaml")
        if let at = sample.refusedAt {
            let finding = try #require(invalid)
            #expect(finding.title.contains("line \(at.line), column \(at.column)"), "\(finding.title)")
            #expect(finding.detail.contains("nested deeper than mongo-doctor reads"), "\(finding.detail)")
            // The snippet shows a window of the line, never all 200,000 characters of it.
            #expect(finding.evidence.allSatisfy { $0.count < 400 }, "\(finding.evidence.map(\.count))")
        } else {
            #expect(invalid == nil, "\(String(describing: invalid?.title))")
        }
    }
}
