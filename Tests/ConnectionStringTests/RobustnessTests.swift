import ConnectionString
import Testing

/// Deterministic pseudo-random inputs: the parser must never crash, and when the input has
/// a password it must never appear in any message or suggestion.
@Suite("Robustness")
struct RobustnessTests {
    /// A small linear congruential generator, so every run checks the same inputs.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let pieces = [
        "@", ":", "/", "?", "&", "=", ",", "%", "%2F", "%zz", "[", "]", "#", " ", "\n", "\"", "'",
        "localhost", "27017", "0", "99999", "[::1]", "%2Ftmp%2Fm.sock", "tls=true", "ssl=false", "w", "w=1",
        "directConnection=true", "loadBalanced=true", "replicaSet=rs", "mongodb://", "mongodb+srv://", ".sock", "é",
    ]

    static func randomInput(_ generator: inout Generator, secretPrefix: String) -> String {
        let count = Int.random(in: 0...8, using: &generator)
        let junk = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        let tailCount = Int.random(in: 0...8, using: &generator)
        let tail = (0..<tailCount).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        return secretPrefix + junk + tail
    }

    @Test("random inputs never crash the parser or the linter")
    func noCrash() {
        var generator = Generator(state: 42)
        for _ in 0..<3000 {
            let input = Self.randomInput(&generator, secretPrefix: "")
            _ = URILinter.lint(input)
            _ = try? ConnectionString.parse(input)
        }
    }

    @Test("a password never shows up in findings", arguments: ["mongodb://", "mongodb+srv://", "postgres://", " \"mongodb://"])
    func noLeak(_ scheme: String) {
        var generator = Generator(state: 7)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...3, using: &generator)
            let junk = (0..<count).map { _ in ["@", ":", "/", "?", "%", "#", "%4", "=", "&"].randomElement(using: &generator) ?? "" }.joined()
            let tail = Self.randomInput(&generator, secretPrefix: "").filter { $0 != "@" }
            let input = scheme + "admin:Zq9" + junk + "Xw7@" + "db.example.com" + tail
            let result = URILinter.lint(input)
            for issue in result.issues {
                let shown = issue.message + (issue.suggestion ?? "")
                #expect(!shown.contains("Zq9") && !shown.contains("Xw7"), "\(input.debugDescription) → \(issue.id): \(shown)")
            }
            if let parsed = result.connectionString {
                #expect(!parsed.redacted.contains("Zq9"), "\(input.debugDescription) → \(parsed.redacted)")
            }
        }
    }
}
