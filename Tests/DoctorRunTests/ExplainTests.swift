import DoctorCore
import DoctorRun
import Foundation
import MongodDiagnosis
import Testing

@Suite struct ExplainQueryTests {
    @Test("what users paste is read as an id, an exit code or a signal", arguments: [
        ("dbpath.missing", ExplainQuery.finding("dbpath.missing")),
        ("  DBPath.Missing\n", .finding("dbpath.missing")),
        ("100", .exitCode(100)),
        ("exit code 48", .exitCode(48)),
        ("status=14", .exitCode(14)),
        ("Main process exited, code=exited, status=62/n/a", .exitCode(62)),
        ("code=exited, status=100", .exitCode(100)),
        ("status=4/ILL", .signal("ill")),
        ("code=killed, status=9", .signal("9")),
        ("signal=ILL", .signal("ill")),
        ("SIGKILL", .signal("kill")),
    ])
    func parse(text: String, expected: ExplainQuery) {
        #expect(ExplainQuery(text) == expected)
    }
}

@Suite struct ExplainerTests {
    static func catalog() throws -> DiagnosticCatalog {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try DiagnosticCatalog.load(directories: [root.appendingPathComponent("Diagnostics")])
    }

    @Test func anExitCodeListsTheEntriesThatStopMongodThatWay() throws {
        let answer = Explainer(catalog: try Self.catalog(), platform: .linux).explain(.exitCode(100))
        guard case .exitStatus(let code, let meaning, let signal, let likely, let steps) = answer else {
            Issue.record("not an exit status: \(answer)")
            return
        }
        #expect(code == 100 && meaning?.name == "uncaught" && signal == nil)
        #expect(likely.map(\.id).contains("dbpath.missing"))
        #expect(likely.allSatisfy { $0.exitCode == 100 })
        #expect(steps.contains { $0.hasPrefix("mongo-doctor log ") })
    }

    @Test func aShellStatusAboveOneTwentyEightIsItsSignal() throws {
        let answer = Explainer(catalog: try Self.catalog(), platform: .linux).explain(.exitCode(132))
        guard case .exitStatus(_, _, let signal, _, _) = answer else {
            Issue.record("not an exit status")
            return
        }
        #expect(signal?.name == "ILL")
    }

    @Test("a mistyped id gets the closest ids", arguments: [
        ("dbpath.mising", "dbpath.missing"), ("port.inuse", "port.in-use"), ("missing", "dbpath.missing"),
    ])
    func suggestions(typo: String, expected: FindingID) throws {
        let answer = Explainer(catalog: try Self.catalog(), platform: .linux).explain(.finding(typo))
        guard case .unknown(_, let suggestions) = answer else {
            Issue.record("\(typo) was found")
            return
        }
        #expect(suggestions.contains(expected), "\(suggestions)")
    }

    @Test func nothingCloseGivesNoSuggestion() throws {
        let answer = Explainer(catalog: try Self.catalog(), platform: .linux).explain(.finding("zzzzzzzzzzzzzzzz"))
        guard case .unknown(_, let suggestions) = answer else { return #expect(Bool(false)) }
        #expect(suggestions.isEmpty)
    }
}
