/// A first-in, first-out queue of work items for `BlockingThreadPool`. Not thread-safe: the pool
/// guards it with its condition lock.
struct WorkQueue {
    /// One unit of queued work; it delivers its own result.
    typealias Item = @Sendable () -> Void

    private var items: [Item?] = []
    private var head = 0

    /// Items waiting to run.
    var count: Int { items.count - head }

    /// Adds `item` at the back.
    mutating func append(_ item: @escaping Item) {
        items.append(item)
    }

    /// Takes the oldest item, if any.
    mutating func popFirst() -> Item? {
        guard head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}
