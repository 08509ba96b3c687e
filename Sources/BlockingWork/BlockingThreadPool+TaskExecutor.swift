/// A `BlockingThreadPool` is also a task executor: code that prefers it
/// (`withTaskExecutorPreference(pool) { … }`, `Task(executorPreference: pool)`,
/// `group.addTask(executorPreference: pool)`) runs on the pool's threads, and every `run` it makes
/// there executes at once on the thread it is already on, with no hand-off to another thread and back.
///
/// That is the fast path for a caller that makes many short blocking calls in a row (session
/// validations against SQLite, one libmongoc round trip after another): the cooperative pool is never
/// blocked, because the blocking calls still run only on the pool's bounded threads. A task that
/// prefers the pool takes one of its threads while it runs, so blocking work and such tasks share the
/// bound `threadCount`.
extension BlockingThreadPool: TaskExecutor {
    /// Queues `job` behind the pool's other work; after shutdown it runs on a thread of its own, so
    /// that a task preferring a pool that has been shut down still finishes.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        if case .refused = submit({ job.runSynchronously(on: executor) }) {
            BlockingExecutor.startThread { job.runSynchronously(on: executor) }
        }
    }
}
