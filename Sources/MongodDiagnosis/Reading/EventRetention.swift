/// The lines of one startup kept for the analysis, bounded: the first `headEvents`, then error,
/// fatal and startup lines up to `pinnedEvents`, then the latest `tailEvents` (older ones drop out),
/// each group also bounded by `groupBytes` of line text.
struct EventRetention {
    let limits: LogReadLimits
    private var head: [MongodLogEvent] = []
    private var headBytes = 0
    private var pinned: [MongodLogEvent] = []
    private var pinnedBytes = 0
    private var tail: [MongodLogEvent] = []
    private var tailStart = 0
    private var tailBytes = 0
    /// Lines that mattered but were not kept.
    private(set) var dropped = 0

    init(limits: LogReadLimits) { self.limits = limits }

    mutating func add(_ event: MongodLogEvent) {
        let size = event.line.utf8.count
        if head.count < limits.headEvents && headBytes + size <= limits.groupBytes {
            head.append(event)
            headBytes += size
            return
        }
        let important = event.severity >= .error || event.startupMarker != nil || event.statedExitCode != nil
        if important && pinned.count < limits.pinnedEvents && pinnedBytes + size <= limits.groupBytes {
            pinned.append(event)
            pinnedBytes += size
            return
        }
        tail.append(event)
        tailBytes += size
        while tail.count - tailStart > limits.tailEvents || (tailBytes > limits.groupBytes && tail.count - tailStart > 1) {
            tailBytes -= tail[tailStart].line.utf8.count
            tailStart += 1
            dropped += 1
        }
        if tailStart > 1024 && tailStart * 2 > tail.count {
            tail.removeFirst(tailStart)
            tailStart = 0
        }
    }

    /// The kept lines, in log order.
    var events: [MongodLogEvent] {
        let later = (pinned + tail[tailStart...]).sorted { $0.lineNumber < $1.lineNumber }
        return head + later
    }
}
