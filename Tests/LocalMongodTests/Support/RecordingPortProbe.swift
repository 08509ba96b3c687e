import LocalMongod
import Synchronization

/// A port probe that answers as `base` does, except that `busy` ports are never free, and
/// records every `isFree` answer in order, so a test can check the choice the check made at
/// the time it made it (a port free then may be taken by another test a moment later).
final class RecordingPortProbe: PortProbe {
    let base: any PortProbe
    let busy: Set<Int>
    private let answers = Mutex<[(port: Int, free: Bool)]>([])

    init(_ base: any PortProbe = LivePortProbe(), busy: Set<Int> = []) {
        self.base = base
        self.busy = busy
    }

    /// Every `isFree` question asked, with its answer, in order.
    var freeAnswers: [(port: Int, free: Bool)] { answers.withLock { $0 } }

    /// The first port that was answered free, if any.
    var firstFree: Int? { freeAnswers.first { $0.free }?.port }

    func isListening(port: Int, timeout: Duration) -> Bool { base.isListening(port: port, timeout: timeout) }

    func listenerPIDs(port: Int) -> [Int32] { base.listenerPIDs(port: port) }

    func isFree(port: Int, timeout: Duration) -> Bool {
        let free = !busy.contains(port) && base.isFree(port: port, timeout: timeout)
        answers.withLock { $0.append((port, free)) }
        return free
    }

    func unixSocketAccepts(path: String) -> Bool { base.unixSocketAccepts(path: path) }
}

extension LocalProbes {
    /// The live probes with `ports` in place of the live port probe.
    static func live(ports: any PortProbe) -> LocalProbes {
        var probes = LocalProbes.live
        probes.ports = ports
        return probes
    }
}
