import Foundation
import MongoBridge

/// Counts the server's connections of one appName through a client of its own (appName
/// `md-load-sampler`, so it never counts itself): `currentOp` with `$all`, and `serverStatus`.
final class ServerConnections: Sendable {
    let pool: ClientPool
    let appName: String

    init(uri: String, appName: String) throws {
        let own = uri + (uri.contains("?") ? "&" : "?") + "appName=md-load-sampler"
        pool = try ClientPool(uri: MongoURI(own), maxSize: 1)
        self.appName = appName
    }

    /// (all connections of `appName`, those whose last command was not a monitoring hello, the server's total).
    func sample() async throws -> (Int, Int, Int) {
        let name = appName
        return try await pool.withClient { client in
            let reply = try client.runCommand(["currentOp": 1, "$all": true])
            let ops = (reply["inprog"]?.arrayValue ?? []).compactMap(\.documentValue).filter {
                $0["clientMetadata"]?.documentValue?["application"]?.documentValue?["name"]?.stringValue == name
            }
            let working = ops.filter { !["hello", "ismaster", "isMaster"].contains($0["op"]?.stringValue ?? "") }
            let status = try client.runCommand(["serverStatus": 1])
            let current = status["connections"]?.documentValue?["current"]?.intValue ?? -1
            return (ops.count, working.count, current)
        }
    }

    /// `serverStatus().connections.current`.
    func serverCurrent() async throws -> Int { try await sample().2 }

    /// The run's connections still listed, polled for up to 5 s after its pool closed (the server
    /// notices closed sockets on its own schedule).
    func settledAfterClose() async throws -> Int {
        var last = try await sample().0
        let deadline = ContinuousClock.now + .seconds(5)
        while last > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            last = try await sample().0
        }
        return last
    }

    func close() async { await pool.close() }
}
