import DoctorCore

/// The `port.in-use` finding of the `port` check: which program holds mongod's port (pid and
/// masked command line from `/proc`), that it is not MongoDB, and the two ways out: stop it, or
/// run mongod on a free port (the exact `net.port` line or `--port` flag).
struct PortHolderFinding {
    let settings: LocalSettings
    let commands: FixCommands
    /// The processes holding a listening socket on the port (none of them mongod or mongos).
    let holders: [ProcessSnapshot]
    /// The holder that publishes a container's port, when one does.
    let proxy: ProcessSnapshot?
    /// A port near the wanted one that is free now, when one was found.
    let freePort: Int?

    private var port: Int { settings.port.value }

    /// How the holder answered the connection check's MongoDB `hello`, when it accepted one.
    private var foreign: PortAnswer.ForeignAnswer? {
        if case .notMongoDB(let answer) = settings.portAnswer { answer } else { nil }
    }

    func finding(severity: Severity) -> Finding {
        Finding(
            id: .portInUse, severity: severity, title: title, detail: detail,
            evidence: evidence, fixes: [stopFix].compactMap { $0 } + [otherPortFix, findFix])
    }

    private var title: String {
        if holders.isEmpty {
            let tail = foreign != nil ? ", and it is not MongoDB"
                : " (its owner is hidden from this user; it may be a mongod)"
            return "Port \(port) is already in use by a process mongo-doctor cannot identify\(tail)"
        }
        if let proxy { return "Port \(port) is published by a container through \(proxy.summary), and it is not MongoDB" }
        return "Port \(port) is already in use by \(holders.map(\.summary).joined(separator: ", ")), which is not MongoDB"
    }

    private var detail: String {
        var parts: [String] = []
        if let foreign { parts.append("mongo-doctor connected to port \(port) and \(foreign), so no MongoDB server runs there.") }
        parts.append("mongod cannot listen on a port another program holds: it stops with 'Error setting up listener … "
            + "Address already in use' (exit code 48).")
        if holders.isEmpty {
            parts.append("The process holding it is not visible to this user: it belongs to another user, or /proc is "
                + "mounted with hidepid. The command below, run with privileges, names it.")
        }
        return parts.joined(separator: " ")
    }

    private var evidence: [String] {
        ["port: \(settings.port.described)",
         "listener: " + (holders.isEmpty ? "not visible to this user" : holders.map(\.summary).joined(separator: ", "))]
            + (settings.portAnswer.map { ["on port \(port): \($0)"] } ?? [])
    }

    private var stopFix: Fix? {
        if let proxy {
            let engine = ["rootlessport", "rootlesskit", "slirp4netns"].contains(proxy.name) ? "podman" : "docker"
            return Fix(
                id: .portStopHolder, summary: "Stop the container that publishes port \(port) (\(engine) stop <name>, run by hand)",
                commands: [commands.line([engine, "ps", "--filter", "publish=\(port)"])])
        }
        guard let holder = holders.first else { return nil }
        return Fix(
            id: .portStopHolder, summary: "Stop pid \(holder.pid) (\(holder.name)) if it should not run there (run by hand)",
            commands: commands.kill(holder.pid))
    }

    private var otherPortFix: Fix {
        let other = freePort ?? (port < 65535 ? port + 1 : port - 1)
        let free = freePort != nil ? "port \(other) instead (free now)" : "another port, such as \(other) (check it is free)"
        let connect = "then connect to mongodb://localhost:\(other)"
        switch (settings.port.provenance, settings.configPath) {
        case (.config, let file?):
            return Fix(
                id: .portChooseOther,
                summary: "Or run mongod on \(free): set net.port to \(other) in \(file.value) (\(settings.port.origin)), "
                    + "the line `port: \(other)` under `net:`; restart mongod, \(connect)")
        case (.default, let file?) where settings.configState == .parsed:
            return Fix(
                id: .portChooseOther,
                summary: "Or run mongod on \(free): add net.port to \(file.value), the line `port: \(other)` under `net:`; "
                    + "restart mongod, \(connect)")
        default:
            let config = settings.configPath.map { ["--config", $0.value] } ?? []
            return Fix(
                id: .portChooseOther, summary: "Or run mongod on \(free) with --port \(other), \(connect)",
                commands: [commands.line(["mongod"] + config + ["--port", String(other)])])
        }
    }

    private var findFix: Fix {
        Fix(id: .portFindHolder, summary: "See which program holds port \(port)", commands: commands.findPortHolder(port))
    }
}
