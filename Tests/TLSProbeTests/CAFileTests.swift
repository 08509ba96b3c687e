import Foundation
import Testing
import TLSProbe
import TestSupport

/// A `tlsCAFile` that cannot be used is reported before any connection is made.
@Suite("CA file problems")
struct CAFileTests {
    /// What to put at the CA path, and the reason expected after "cannot read CA file <path>: ".
    enum Setup: String, Sendable, CaseIterable, CustomStringConvertible {
        case missing, directory, notPEM, emptyFile
        var description: String { rawValue }
    }

    @Test("an unusable CA file is caFileUnreadable", arguments: Setup.allCases)
    func unusable(_ setup: Setup) async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/tlsprobe-ca-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/ca.pem"
        switch setup {
        case .missing: break
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .notPEM: try "this is not a certificate\n".write(toFile: path, atomically: true, encoding: .utf8)
        case .emptyFile: try Data().write(to: URL(fileURLWithPath: path))
        }
        // Nothing listens here: the CA file must be judged before connecting.
        let port = try RefusingPort.reservedForProcess()

        let result = await OpenSSLProber().probe(
            ip: "127.0.0.1", port: port, serverName: "localhost", caFile: path,
            allowInvalidCertificates: false, allowInvalidHostnames: false, timeout: .seconds(5)
        )

        guard case .caFileUnreadable(let text) = result.failure else {
            Issue.record("expected caFileUnreadable, got \(String(describing: result.failure))")
            return
        }
        #expect(text.hasPrefix("cannot read CA file \(path): "))
        switch setup {
        case .missing: #expect(text == "cannot read CA file \(path): No such file or directory")
        case .directory: #expect(text == "cannot read CA file \(path): Is a directory")
        case .notPEM, .emptyFile: #expect(text.contains("not a PEM certificate file"), "\(text)")
        }
        #expect(result.certificate == nil)
    }
}
