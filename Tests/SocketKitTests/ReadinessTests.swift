#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import SocketKit
import Testing

/// A scripted poll(2): hands out `replies` in order, then the last one forever; counts the calls.
final class ScriptedPoll: @unchecked Sendable {
    private var replies: [PollReply]
    private(set) var calls = 0

    init(_ replies: [PollReply]) { self.replies = replies }

    func poll(_ descriptor: Int32, _ events: Int16, _ timeout: Int32) -> PollReply {
        calls += 1
        return replies.count > 1 ? replies.removeFirst() : replies[0]
    }
}

@Suite("waiting on a socket")
struct ReadinessTests {
    @Test("EINTR and early wake-ups are retried until the socket is ready", arguments: [
        [PollReply.error(EINTR), .ready(revents: Int16(POLLOUT))],
        [.error(EINTR), .error(EINTR), .error(EINTR), .ready(revents: Int16(POLLIN))],
        [.nothing, .error(EINTR), .ready(revents: Int16(POLLHUP))],
    ])
    func retried(_ replies: [PollReply]) {
        let poll = ScriptedPoll(replies)
        let outcome = Readiness.wait(3, for: .writable, until: Deadline(after: .seconds(5)), poll: poll.poll)
        #expect(outcome == .ready)
        #expect(poll.calls == replies.count)
    }

    @Test("a poll interrupted again and again ends at the deadline, as a timeout")
    func interruptedUntilDeadline() {
        let poll = ScriptedPoll([.error(EINTR)])
        let outcome = Readiness.wait(3, for: .readable, until: Deadline(after: .milliseconds(30)), poll: poll.poll)
        #expect(outcome == .timedOut)
        #expect(poll.calls > 1)
    }

    @Test("a real poll failure is a failure, never a timeout", arguments: [ENOMEM, EINVAL, EFAULT])
    func pollFailure(_ code: Int32) {
        let poll = ScriptedPoll([.error(code)])
        let outcome = Readiness.wait(3, for: .readable, until: Deadline(after: .seconds(5)), poll: poll.poll)
        #expect(outcome == .failed(SocketError(.poll, code: code)))
        #expect(poll.calls == 1)
    }

    @Test("a descriptor that is not open (POLLNVAL) is a failure")
    func invalidDescriptor() {
        let poll = ScriptedPoll([.ready(revents: Int16(POLLNVAL))])
        let outcome = Readiness.wait(3, for: .readable, until: Deadline(after: .seconds(5)), poll: poll.poll)
        #expect(outcome == .failed(SocketError(.poll, code: EBADF)))
    }

    @Test("a passed deadline does not poll at all")
    func passedDeadline() {
        let poll = ScriptedPoll([.ready(revents: Int16(POLLIN))])
        #expect(Readiness.wait(3, for: .readable, until: Deadline(after: .zero), poll: poll.poll) == .timedOut)
        #expect(poll.calls == 0)
    }

}

@Suite("connect outcomes")
struct ConnectClassificationTests {
    @Test("connect errnos are classified: refused, timed out, or failed with the errno", arguments: [
        (ECONNREFUSED, "refused"), (ETIMEDOUT, "timedOut"), (ENETUNREACH, "failed"), (EHOSTUNREACH, "failed"),
        (ENOENT, "failed"), (EAGAIN, "failed"),
    ])
    func classified(_ code: Int32, _ expected: String) {
        switch ConnectOutcome(connectErrno: code) {
        case .refused: #expect(expected == "refused")
        case .timedOut: #expect(expected == "timedOut")
        case .failed(let failure):
            #expect(expected == "failed")
            #expect(failure == SocketError(.connect, code: code))
            #expect(failure.text == String(cString: strerror(code)))
        case .connected: Issue.record("an errno never connects")
        }
    }
}
