import DoctorCore

/// `socket`: a leftover `/tmp/mongodb-<port>.sock` that mongod, running as the service user,
/// cannot replace because another user owns it and `/tmp` is sticky.
struct SocketCheck: BlockingCheck {
    let id: CheckID = .socket
    let title = "Unix domain socket"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        guard settings.platform != .windows else { return .notApplicable("Windows has no mongod Unix socket") }
        if settings.configUnusable { return .notApplicable("the configuration file could not be used (see config.parse)") }
        guard settings.unixSocketEnabled else { return .notApplicable("net.unixDomainSocket.enabled is false") }
        let path = settings.unixSocketPath
        let probes = state.probes
        guard let status = probes.files.linkStatus(ofPath: path) else { return CheckOutcome(detail: "\(path) does not exist") }
        let described = FileDescription.describe(path, status, users: probes.users)
        guard status.kind == .socket else {
            return CheckOutcome(detail: "\(described) is not a socket; left alone")
        }
        if probes.ports.isListening(port: settings.port.value, timeout: context.timeout) {
            return CheckOutcome(detail: "\(path) belongs to the server listening on port \(settings.port.value)")
        }
        if probes.ports.unixSocketAccepts(path: path) {
            return CheckOutcome(detail: "\(path) is live: a process accepts connections on it")
        }
        guard let account = state.serviceAccount(settings) else {
            return CheckOutcome(detail: "\(described); service user \(settings.serviceUser.value) unknown here, not judged")
        }
        guard status.uid != account.uid else {
            return CheckOutcome(detail: "\(described): owned by the service user, mongod replaces it itself")
        }
        guard let severity = settings.severity(account.isRoot ? .warning : .error, for: settings.unixSocketPrefix) else {
            return CheckOutcome(detail: "\(described): not used by the answering server")
        }
        let commands = state.commands(settings)
        let action = state.canApplyFixes(settings)
            ? RemoveStaleSocketAction(path: path, port: settings.port.value, serviceUID: account.uid, files: probes.files, ports: probes.ports)
            : nil
        let finding = Finding(
            id: .socketStale, severity: severity,
            title: "Stale socket \(path) owned by \(probes.users.user(uid: status.uid)?.name ?? "uid \(status.uid)") blocks mongod",
            detail: "Nothing listens on port \(settings.port.value), and mongod running as \(account.name) cannot remove "
                + "another user's socket: it stops with 'Failed to unlink socket file' (fatal assertion 40486, exit code 14). "
                + "This happens after mongod was once started as root; do not run `sudo mongod`.",
            evidence: [described, "nothing listens on port \(settings.port.value)", "service user: \(FileDescription.describe(user: account))"],
            fixes: [Fix(
                id: .socketRemoveStale, summary: "Remove the stale socket file (only a socket, and only while nothing listens)",
                commands: [commands.privileged(["rm", path])], action: action)],
            values: ["socket": path])
        return CheckOutcome(detail: "\(path) is stale", findings: [finding])
    }
}
