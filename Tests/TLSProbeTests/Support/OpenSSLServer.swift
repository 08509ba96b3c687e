#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TestSupport

/// A real `openssl s_server` child process on a loopback port; `stop()` kills it.
final class OpenSSLServer: @unchecked Sendable {
    /// The address it listens on.
    let ip: String
    /// The port it listens on.
    let port: Int
    private let process: Process

    /// Starts `openssl s_server` with `pair` (and `chain`, sent after the leaf) and waits until it accepts.
    init(_ pair: CertificateFixtures.Pair, chain: String? = nil, ip: String = "127.0.0.1", in directory: String) throws {
        // s_server binds the port itself, so it can only be given one that was free a moment ago.
        guard let port = LoopbackSocket.releasedPort(on: ip) else { throw SetupError("no free port on \(ip)") }
        self.ip = ip
        self.port = port
        let endpoint = ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
        var arguments = ["s_server", "-accept", endpoint, "-cert", pair.certificate, "-key", pair.key, "-quiet"]
        if let chain { arguments += ["-cert_chain", chain] }
        process = OpenSSLTool.process(arguments, directory: directory)
        try ChildProcess.run(process)
        guard LoopbackSocket.waitUntilAccepting(ip: ip, port: port) else {
            stop()
            throw SetupError("openssl s_server did not start listening on \(endpoint)")
        }
    }

    /// Kills the server (SIGKILL) and reaps it.
    ///
    /// Not `terminate()`: a child spawned from a Swift concurrency thread inherits that thread's
    /// signal mask, in which libdispatch blocks SIGTERM, so the server would never see it.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        ChildProcess.waitForExit(process)
    }
}

/// A test fixture could not be set up.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
