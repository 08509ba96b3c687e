import Foundation
import Synchronization

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

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the runnable threads fit on the cores, as of the last reading (at most 1 ms old).
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
