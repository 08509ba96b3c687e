import DoctorChecks
import LocalMongod

extension ReachableEndpoints {
    /// What the `tcp` stage saw on `port` (every address of every seed on that port), for the local
    /// checks; `nil` when no address on that port was tried.
    ///
    /// MongoDB wins over anything else (one address answering is enough for the driver). A
    /// connection accepted without a `hello` (the URI asks for TLS) counts as the server, as a
    /// TLS-only server behind a plaintext URI does: it answers, only not in the way the URI asks.
    func portAnswer(port: Int) -> PortAnswer? {
        let mine = attempts.filter { $0.endpoint.port == port }
        guard !mine.isEmpty else { return nil }
        if tlsOnly.contains(where: { $0.port == port }) { return .mongodb }
        var foreign: PortAnswer.ForeignAnswer?
        for attempt in mine {
            guard case .connected(let answer) = attempt.outcome else { continue }
            switch answer {
            case nil, .mongodb?: return .mongodb
            case .notMongoDB(let preview)?: foreign = .replied(preview: preview)
            case .closed?: if foreign == nil || foreign == .silent { foreign = .closed }
            case .silent?: if foreign == nil { foreign = .silent }
            }
        }
        return foreign.map { .notMongoDB($0) } ?? .nothing
    }
}
