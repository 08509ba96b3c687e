public import DoctorCore
public import MongodDiagnosis

/// Answers `mongo-doctor explain`: a catalog entry for a finding id; for an exit code or a signal,
/// its meaning, the catalog entries that stop mongod that way, and the commands that tell them apart.
public struct Explainer: Sendable {
    /// What `explain` found.
    public enum Answer: Sendable {
        /// The entry for a finding id.
        case entry(DiagnosticEntry)
        /// An exit status: its meaning (nil when not one of mongod's), the likely causes and what to run.
        case exitStatus(code: Int, meaning: MongodExitCodes.Meaning?, signal: ProcessSignals.Signal?,
                        likely: [DiagnosticEntry], nextSteps: [String])
        /// Nothing by that name; the closest ids.
        case unknown(query: String, suggestions: [FindingID])
    }

    /// The catalog to explain from.
    public var catalog: DiagnosticCatalog
    /// The platform whose commands to suggest.
    public var platform: Platform

    /// Creates an explainer.
    public init(catalog: DiagnosticCatalog, platform: Platform) {
        self.catalog = catalog
        self.platform = platform
    }

    /// The answer to `query`.
    public func explain(_ query: ExplainQuery) -> Answer {
        switch query {
        case .finding(let id):
            if let entry = catalog.entry(id: FindingID(rawValue: id)) { return .entry(entry) }
            return .unknown(query: id, suggestions: IDSuggestions.closest(to: id, among: catalog.entries.map(\.id)))
        case .exitCode(let code):
            let signal = code > 128 ? ProcessSignals.signal(forShellStatus: code) : nil
            return .exitStatus(code: code, meaning: MongodExitCodes.meaning(of: code), signal: signal,
                               likely: catalog.entries(exitingWith: code), nextSteps: nextSteps)
        case .signal(let name):
            guard let signal = ProcessSignals.signal(name) else {
                return .unknown(query: "signal \(name)", suggestions: [])
            }
            return .exitStatus(code: signal.shellStatus, meaning: nil, signal: signal,
                               likely: catalog.entries(exitingWith: signal.shellStatus), nextSteps: nextSteps)
        }
    }

    /// Commands that tell the causes of a failed start apart, for this platform.
    public var nextSteps: [String] {
        switch platform {
        case .linux:
            ["mongo-doctor log /var/log/mongodb/mongod.log", "journalctl -u mongod -n 50 --no-pager | mongo-doctor log -",
             "mongo-doctor check --config /etc/mongod.conf"]
        case .macos:
            ["mongo-doctor log \"$(brew --prefix)/var/log/mongodb/mongo.log\"",
             "mongo-doctor check --config \"$(brew --prefix)/etc/mongod.conf\""]
        case .windows:
            [#"mongo-doctor log "C:\Program Files\MongoDB\Server\8.0\log\mongod.log""#,
             #"mongo-doctor check --config "C:\Program Files\MongoDB\Server\8.0\bin\mongod.cfg""#]
        }
    }
}
