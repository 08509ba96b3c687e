import ConnectionString
import Foundation
import Testing

/// Runs MongoDB's connection-string and uri-options spec tests against the parser.
@Suite("MongoDB spec tests")
struct SpecConformanceTests {
    @Test("spec test folder is present (a failure under CI=true)")
    func specFolderPresent() {
        guard SpecCorpus.isAvailable else {
            if SpecCorpus.isCI {
                Issue.record("\(SpecCorpus.missingMessage); CI=true, so this is a failure")
            } else {
                print("⚠️ SKIPPED spec tests: \(SpecCorpus.missingMessage)")
            }
            return
        }
        #expect(SpecCorpus.loaded.errors.isEmpty, "spec files failed to load: \(SpecCorpus.loaded.errors)")
        #expect(!SpecCorpus.loaded.cases.isEmpty, "no spec cases found under \(SpecCorpus.root.path)")
    }

    @Test("spec case counts and skip list", .enabled(if: SpecCorpus.isAvailable, Comment(rawValue: SpecCorpus.missingMessage)))
    func summary() {
        let total = SpecCorpus.loaded.cases.count
        print("spec cases: \(total) found, \(SpecCorpus.runnable.count) run, \(SpecCorpus.skipped.count) skipped")
        for (test, reason) in SpecCorpus.skipped {
            print("  skipped \(test.key): \(reason)")
        }
        let known = Set(SpecCorpus.loaded.cases.map(\.key))
        let stale = SpecCorpus.skipList.keys.filter { !known.contains($0) }
        #expect(stale.isEmpty, "skip list names cases that do not exist: \(stale)")
        #expect(SpecCorpus.runnable.count + SpecCorpus.skipped.count == total)
    }

    @Test("spec case", .enabled(if: SpecCorpus.isAvailable, Comment(rawValue: SpecCorpus.missingMessage)), arguments: SpecCorpus.runnable)
    func specCase(_ test: SpecCase) {
        let parsed: ConnectionString
        do {
            parsed = try ConnectionString.parse(test.uri)
        } catch {
            #expect(!test.valid, "unexpected error: \(error)")
            return
        }
        guard test.valid else {
            Issue.record("expected an error, but it parsed (warnings: \(parsed.warnings.map(\.message)))")
            return
        }
        if let warning = test.warning {
            #expect(!parsed.warnings.isEmpty == warning, "warnings: \(parsed.warnings.map(\.message))")
        }
        if let hosts = test.hosts {
            checkHosts(hosts, parsed.hosts)
        }
        if let auth = test.auth {
            if let username = auth.username { #expect(parsed.auth?.username == username) }
            if let password = auth.password { #expect(parsed.auth?.password == password) }
            if let db = auth.db { #expect(parsed.auth?.db == db) }
        }
        for (name, expected) in test.options ?? [:] {
            let actual = parsed.options.first { $0.key.lowercased() == name.lowercased() }?.value
            #expect(actual.map { matches(expected, $0) } == true, "option \(name): expected \(expected), got \(String(describing: actual))")
        }
    }

    private func checkHosts(_ expected: [SpecCase.ExpectedHost], _ actual: [ConnectionString.Host]) {
        #expect(actual.count == expected.count, "hosts: \(actual)")
        for (want, got) in zip(expected, actual) {
            if let type = want.type { #expect(got.type.rawValue == type, "type of \(got)") }
            #expect(got.host == want.host)
            if let port = want.port { #expect(got.port == port, "port of \(got)") }
        }
    }

    /// Compares a typed JSON value of the spec with a parsed option value.
    private func matches(_ expected: JSONValue, _ actual: URIOptionValue) -> Bool {
        switch (expected, actual) {
        case let (.bool(want), .bool(got)): return want == got
        case let (.int(want), .int(got)): return want == got
        case let (.string(want), .string(got)): return want == got
        case let (.array(want), .strings(got)): return want == got.map(JSONValue.string)
        case let (.array(want), .tags(got)): return want == got.map { .object($0.mapValues(JSONValue.string)) }
        case let (.object(want), .document(got)): return want == got.mapValues(JSONValue.string)
        default: return false
        }
    }
}
