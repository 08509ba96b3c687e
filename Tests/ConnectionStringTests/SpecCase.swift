import Foundation
import Testing

/// Any JSON value, used for the typed `options` of the spec tests.
enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

/// One case of MongoDB's connection-string or uri-options spec tests.
/// `nil` fields are not checked, as the spec tests' README says.
struct SpecCase: Sendable, Decodable, CustomTestStringConvertible {
    struct ExpectedHost: Sendable, Decodable {
        var type: String?
        var host: String
        var port: Int?
    }

    struct ExpectedAuth: Sendable, Decodable {
        var username: String?
        var password: String?
        var db: String?
    }

    /// `folder/file.json`, filled in by the loader.
    var file = ""
    var description: String
    var uri: String
    var valid: Bool
    var warning: Bool?
    var hosts: [ExpectedHost]?
    var auth: ExpectedAuth?
    var options: [String: JSONValue]?

    private enum CodingKeys: String, CodingKey {
        case description, uri, valid, warning, hosts, auth, options
    }

    /// The key used by the skip list: `folder/file.json: description`.
    var key: String { "\(file): \(description)" }

    var testDescription: String { key }
}

/// The body of one spec test file.
private struct SpecFile: Decodable {
    var tests: [SpecCase]
}

/// Finds and loads the spec tests (they are never copied into this repository: their
/// licence is CC BY-NC-SA).
enum SpecCorpus {
    /// The folders of the spec tests this parser must pass.
    static let folders = ["connection-string", "uri-options"]

    /// Cases deliberately not run, with the reason for each. Keys are `folder/file.json: description`.
    /// Empty: every case runs (the optional options are implemented).
    static let skipList: [String: String] = [:]

    /// `$SPEC_TESTS_DIR`, or `../shared/spec-tests` beside the repository root
    /// (two levels above this file's folder).
    static let root: URL = {
        if let dir = ProcessInfo.processInfo.environment["SPEC_TESTS_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        let repoRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/spec-tests", isDirectory: true)
    }()

    /// Whether this run is on CI, where missing spec tests are a failure.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether both spec folders exist.
    static let isAvailable: Bool = folders.allSatisfy { folder in
        var isDirectory: ObjCBool = false
        let path = root.appendingPathComponent(folder).path
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every case of every JSON file, or the load errors.
    static let loaded: (cases: [SpecCase], errors: [String]) = {
        guard isAvailable else { return ([], []) }
        var cases: [SpecCase] = []
        var errors: [String] = []
        for folder in folders {
            let directory = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                do {
                    let data = try Data(contentsOf: directory.appendingPathComponent(name))
                    let file = try JSONDecoder().decode(SpecFile.self, from: data)
                    cases += file.tests.map { test in
                        var test = test
                        test.file = "\(folder)/\(name)"
                        return test
                    }
                } catch {
                    errors.append("\(folder)/\(name): \(error)")
                }
            }
        }
        return (cases, errors)
    }()

    /// The cases to run.
    static var runnable: [SpecCase] { loaded.cases.filter { skipList[$0.key] == nil } }

    /// The cases skipped, with their reasons.
    static var skipped: [(SpecCase, String)] {
        loaded.cases.compactMap { test in skipList[test.key].map { (test, $0) } }
    }

    /// What to say when the folder is missing.
    static var missingMessage: String {
        "MongoDB spec tests not found at \(root.path) (set SPEC_TESTS_DIR to the folder holding connection-string/ and uri-options/)"
    }
}
