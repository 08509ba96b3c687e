@testable import AuthDemo
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A SecantusDB of this test's own (`scripts/test-server start --name NAME`), so that killing it never
/// touches the shared servers. `stop()` must run whatever happens.
struct OwnServer {
    let name: String
    let uri: String

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/test-server").path

    static func start() throws -> OwnServer {
        let name = "demo-restart-\(UUID().uuidString.prefix(8).lowercased())"
        return OwnServer(name: name, uri: try run(["start", "--standalone", "--name", name]))
    }

    func kill() throws { _ = try Self.run(["kill", "--name", name]) }
    func revive() throws { _ = try Self.run(["revive", "--name", name]) }
    func stop() { _ = try? Self.run(["stop", "--name", name]) }

    /// Runs the script (Foundation's `Process` closes every other descriptor in the child) and
    /// returns what it printed; a failure is an error with its standard error.
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        let complaint = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OwnServerFailure(description: "test-server \(arguments[0]): \(String(decoding: complaint, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct OwnServerFailure: Error, CustomStringConvertible {
    let description: String
}

/// The MongoDB server killed (`kill -9`) under a running demo and started again on the same port and
/// storage: while it is down every page that needs the store is a 503 (never a 500, never a page
/// that says "signed in"); once it is back the same application, never restarted, serves again.
@Suite("auth-demo: the server killed and restarted", .enabled(if: TestEnvironment.runsMongo, "needs the test server (scripts/test)"))
struct ServerRestartTests {
    @Test func theDemoAnswers503WhileTheServerIsDownAndRecoversWithoutARestart() async throws {
        let server = try OwnServer.start()
        defer { server.stop() }
        // A short heartbeat and server selection: libmongoc notices the server back within a second.
        let uri = server.uri + "?serverSelectionTimeoutMS=1000&heartbeatFrequencyMS=500"
        let fixture = try await DemoFixture.make(.mongo, mongoURI: uri)
        try await fixture.test { client in
            let cookie = try await signUp(client, "Restart", "correct horse battery")
            try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(cookie)) { #expect($0.status == .ok) }

            try server.kill()
            for path in ["/api/me", "/dashboard"] {
                try await client.execute(uri: path, method: .get, headers: cookieHeaders(cookie)) { page in
                    #expect(page.status == .serviceUnavailable, "\(path) while the server is down")
                    #expect(!page.text.contains(cookie))
                }
            }
            let login = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "Restart", "password": "correct horse battery"]))
            #expect(login.status == .serviceUnavailable)
            #expect(SetCookie(login) == nil)

            try server.revive()
            var status = HTTPResponse.Status.serviceUnavailable
            let deadline = ContinuousClock.now + .seconds(20)
            while status == .serviceUnavailable, ContinuousClock.now < deadline {
                status = try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(cookie)).status
                if status == .serviceUnavailable { try await Task.sleep(for: .milliseconds(200)) }
            }
            // The session written before the kill may or may not have reached the disk: either it is
            // still valid, or it is gone and the page says so; a new login works in both cases.
            #expect(status == .ok || status == .unauthorized, "after the restart: \(status)")
            // The kill may have lost the user too (written just before it): then sign up again.
            var again = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "Restart", "password": "correct horse battery"]))
            if again.status == .badRequest {
                again = try await client.execute(uri: "/signup", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "Restart", "password": "correct horse battery"]))
            }
            #expect(again.status == .found)
            let fresh = try #require(SetCookie(again)).value
            try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(fresh)) { me in
                #expect(me.status == .ok)
                #expect(me.text.contains("Restart"))
            }
        }
    }
}
