import DoctorCore
import SocketKit

/// `port`: whether the port mongod wants is taken by something that is not the server, and
/// whether every configured `bindIp` address exists on this host.
struct PortCheck: BlockingCheck {
    let id: CheckID = .port
    let title = "Port and bind addresses"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        if settings.configUnusable, settings.port.provenance != .flag {
            return .notApplicable("the configuration file could not be used, so net.port is unknown (see config.parse)")
        }
        let (portFinding, portNote) = portInUse(settings, timeout: context.timeout)
        let bindFindings = notLocalAddresses(settings)
        let binds = settings.bindIpAll ? "all addresses" : settings.bindIp.value.joined(separator: ",")
        return CheckOutcome(detail: "\(portNote); bindIp \(binds)", findings: [portFinding].compactMap { $0 } + bindFindings)
    }

    /// Programs that publish a container's port on the host (a mongod may be behind them).
    static let containerProxies: Set<String> = ["docker-proxy", "rootlessport", "rootlesskit", "slirp4netns", "com.docker.backend", "vpnkit"]

    private func portInUse(_ settings: LocalSettings, timeout: Duration) -> (Finding?, String) {
        let port = settings.port
        let probes = state.probes
        let answer = settings.portAnswer
        guard probes.ports.isListening(port: port.value, timeout: timeout) else {
            return (nil, "port \(port.value) is free")
        }
        // A healthy server is never reported as the program in the way.
        if answer == .mongodb { return (nil, "port \(port.value): the server answers there") }
        let holders = probes.ports.listenerPIDs(port: port.value).compactMap { probes.processes.process(pid: $0) }
        if let server = holders.first(where: \.isMongoServer) {
            let mute = if case .notMongoDB = answer { ", which did not answer the MongoDB hello" } else { "" }
            return (nil, "port \(port.value): MongoDB server \(server.summary)\(mute)")
        }
        let proxy = holders.first { Self.containerProxies.contains($0.name) }
        if let proxy, answer == nil {
            return (nil, "port \(port.value) is published by \(proxy.summary), likely a containerised server")
        }
        // Known to be something else: an error for a port the user chose; unknown holder: a doubt.
        let base: Severity = holders.isEmpty && answer == nil ? .warning : .error
        guard let severity = SeverityPolicy.severity(base, for: port.provenance, serverAnswers: settings.serverAnswers) else {
            return (nil, "port \(port.value) is taken by something else; default port, not used by the server")
        }
        let builder = PortHolderFinding(
            settings: settings, commands: state.commands(settings), holders: holders, proxy: proxy,
            freePort: freePort(after: port.value, timeout: timeout))
        return (builder.finding(severity: severity), "port \(port.value) is taken")
    }

    /// A port near `port` that nothing listens on and that can be bound, for the "use another port" fix.
    private func freePort(after port: Int, timeout: Duration) -> Int? {
        let candidates = ((1...20).map { port + $0 } + (1...20).map { port - $0 }).filter { (1024...65535).contains($0) }
        return candidates.first { state.probes.ports.isFree(port: $0, timeout: timeout) }
    }

    /// Configured literal addresses that are not on any interface of this host (host names are not resolved).
    private func notLocalAddresses(_ settings: LocalSettings) -> [Finding] {
        guard settings.bindIp.provenance != .default, !settings.bindIpAll else { return [] }
        let local = Set(state.probes.host.interfaceAddresses().compactMap(IPAddressText.canonical))
        let commands = state.commands(settings)
        let listCommand: [String] = switch settings.platform {
        case .linux: ["ip", "-brief", "address"]
        case .macos: ["ifconfig"]
        case .windows: ["ipconfig"]
        }
        return settings.bindIp.value.compactMap { entry -> Finding? in
            guard let address = IPAddressText.canonical(entry), address != "0.0.0.0", address != "::",
                !IPAddressText.isLoopback(address), !local.contains(address)
            else { return nil }
            return Finding(
                id: .bindipNotLocal, severity: .error,
                title: "bindIp address \(entry) is not an address of this host",
                detail: "mongod stops with 'Error setting up listener … Cannot assign requested address' (exit code 48).",
                evidence: ["net.bindIp: \(settings.bindIp.described)", "this host's addresses: " + local.sorted().joined(separator: ", ")],
                fixes: [Fix(
                    id: .bindipEdit,
                    summary: "Set net.bindIp in \(commands.configFile(settings)) to addresses this host has (127.0.0.1 and one listed here)",
                    commands: [commands.line(listCommand)])],
                values: CatalogValues.known(["address": entry, "config": state.catalogValues(settings).config]))
        }
    }
}
