/// A point in monotonic time after which a socket operation gives up.
///
/// One deadline usually bounds a whole exchange (connect, then send, then receive): every wait
/// asks it how long is left, so the steps together never outlive the budget by more than a step.
public struct Deadline: Sendable {
    /// When the operation must be over.
    public let end: ContinuousClock.Instant
    /// The budget the deadline was made from, for messages.
    public let budget: Duration

    /// A deadline `budget` from now.
    public init(after budget: Duration) {
        self.budget = budget
        self.end = ContinuousClock.now.advanced(by: budget)
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool {
        ContinuousClock.now >= end
    }

    /// Whole milliseconds left (rounded up, so a poll never wakes just before the end), 0 when passed.
    public var remainingMilliseconds: Int32 {
        let left = ContinuousClock.now.duration(to: end)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }

    /// The budget in words, e.g. "0.5 seconds", "1 second", "5 seconds".
    public var budgetDescription: String {
        let (seconds, attoseconds) = budget.components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if millis % 1000 == 0 { return millis == 1000 ? "1 second" : "\(millis / 1000) seconds" }
        return "\(Double(millis) / 1000) seconds"
    }
}
