#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a wait on a socket is for.
public struct SocketEvents: OptionSet, Sendable, Hashable {
    /// The poll(2) event bits.
    public let rawValue: Int16

    /// Events from poll(2) bits (POLLIN, POLLOUT).
    public init(rawValue: Int16) {
        self.rawValue = rawValue
    }

    /// Data (or an end of stream, or an error) can be read: POLLIN.
    public static let readable = SocketEvents(rawValue: Int16(POLLIN))
    /// Data can be written, or a pending connect has finished: POLLOUT.
    public static let writable = SocketEvents(rawValue: Int16(POLLOUT))
}

/// How a wait on a socket ended.
public enum WaitOutcome: Sendable, Hashable {
    /// The socket reports one of the events (or an error or hang-up to collect with the next call).
    case ready
    /// The deadline passed first.
    case timedOut
    /// poll(2) itself failed (anything but EINTR, which is retried), or the descriptor is not open.
    case failed(SocketError)
}

/// What one poll(2) call on one descriptor gave.
enum PollReply: Sendable, Hashable {
    /// The descriptor is ready; the `revents` bits.
    case ready(revents: Int16)
    /// The timeout passed (poll returned 0).
    case nothing
    /// poll returned -1 with this errno.
    case error(Int32)
}

/// One poll(2) call on one descriptor: descriptor, events, timeout in milliseconds. Injectable,
/// so the retry rules of `Readiness.wait` can be tested without provoking signals.
typealias PollFunction = (_ descriptor: Int32, _ events: Int16, _ timeoutMilliseconds: Int32) -> PollReply

/// The wait loop behind `StreamSocket.wait(for:until:)`.
enum Readiness {
    /// poll(2) on one descriptor.
    static func systemPoll(_ descriptor: Int32, _ events: Int16, _ timeoutMilliseconds: Int32) -> PollReply {
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        let count = poll(&entry, 1, timeoutMilliseconds)
        if count > 0 { return .ready(revents: entry.revents) }
        return count == 0 ? .nothing : .error(errno)
    }

    /// Waits until `descriptor` reports one of `events` or `deadline` passes.
    ///
    /// EINTR is retried with the time that is left; a poll that wakes a hair early is retried
    /// after re-checking the clock; any other poll error, and POLLNVAL, is a failure, never a timeout.
    static func wait(
        _ descriptor: Int32, for events: SocketEvents, until deadline: Deadline,
        poll: PollFunction = Readiness.systemPoll
    ) -> WaitOutcome {
        while true {
            let remaining = deadline.remainingMilliseconds
            if remaining == 0 { return .timedOut }
            switch poll(descriptor, events.rawValue, remaining) {
            case .ready(let revents):
                if revents & Int16(POLLNVAL) != 0 { return .failed(SocketError(.poll, code: EBADF)) }
                return .ready
            case .nothing:
                continue
            case .error(let code) where code == EINTR:
                continue
            case .error(let code):
                return .failed(SocketError(.poll, code: code))
            }
        }
    }
}
