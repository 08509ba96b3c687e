import BlockingWork
import DoctorCore

/// A check whose work is synchronous system calls (stat, statvfs, /proc scans, running
/// `mongod --version`): it runs on `BlockingExecutor`, so a slow file system or a program
/// waiting out its timeout never holds one of Swift's cooperative threads.
protocol BlockingCheck: DoctorCheck {
    /// The check's work, done on a blocking-work thread.
    func evaluate(in context: CheckContext) throws -> CheckOutcome
}

extension BlockingCheck {
    func run(in context: CheckContext) async throws -> CheckOutcome {
        try await BlockingExecutor.dedicatedThread { try self.evaluate(in: context) }
    }
}
