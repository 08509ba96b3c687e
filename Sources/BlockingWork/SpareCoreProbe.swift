import Foundation
import Synchronization

/// Whether the machine has a core to spare right now, so that a caller may hold one while it polls
/// for a short call's result (`BlockingThreadPool.runShort`) instead of suspending.
///
/// `system` reads Linux's count of runnable threads (the fourth field of `/proc/loadavg`, which counts
/// the reader too) at most once a millisecond and answers whether it is at most the active core count:
/// every runnable thread, the caller and the pool thread running its work among them, has a core. On a busy machine
/// a suspended caller's thread has other tasks to run, so polling would only take a core from them.
/// Where `/proc/loadavg` cannot be read (other systems), it answers no: callers suspend.
public struct SpareCoreProbe: Sendable {
    private let answer: @Sendable () -> Bool

    /// A probe that answers with `answer` (tests: always, never).
    public init(_ answer: @escaping @Sendable () -> Bool) { self.answer = answer }

    /// Whether a caller may poll now.
    public func isAvailable() -> Bool { answer() }

    /// The machine's own answer, from `/proc/loadavg`.
    public static let system = SpareCoreProbe { LoadAverageSampler.shared.hasSpareCore() }
}

/// Reads `/proc/loadavg` at most once a millisecond and keeps the last verdict.
final class LoadAverageSampler: Sendable {
    static let shared = LoadAverageSampler(path: "/proc/loadavg")

    /// The open file, or -1 when it could not be opened (then there is never a spare core).
    private let descriptor: Int32
    private let cores: Int
    /// Uptime nanoseconds of the last reading.
    private let readAt = Atomic<UInt64>(0)
    private let spare = Atomic<Bool>(false)

    init(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        cores = ProcessInfo.processInfo.activeProcessorCount
    }

    func hasSpareCore() -> Bool {
        guard descriptor >= 0 else { return false }
        let now = DispatchTime.now().uptimeNanoseconds
        let last = readAt.load(ordering: .relaxed)
        // One caller a millisecond reads the file again; the others take the verdict it left.
        if now &- last >= 1_000_000, readAt.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged {
            spare.store(Self.runnableThreads(descriptor).map { $0 <= cores } ?? false, ordering: .relaxed)
        }
        return spare.load(ordering: .relaxed)
    }

    /// The numerator of the fourth field ("runnable/total") of `/proc/loadavg`, read at offset 0.
    static func runnableThreads(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return runnableThreads(in: buffer[..<count])
    }

    /// The runnable count in a `/proc/loadavg` line such as `0.52 0.41 0.30 3/412 12345`.
    static func runnableThreads(in line: some Collection<UInt8>) -> Int? {
        let fields = line.split(separator: UInt8(ascii: " "))
        guard fields.count >= 4, let slash = fields[3].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return Int(String(decoding: fields[3][..<slash], as: UTF8.self))
    }
}
