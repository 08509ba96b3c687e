import Foundation

/// The sanitizer this test process was built with, as `scripts/sanitize` announces it (`MD_SANITIZER`).
///
/// Only for the few assertions a sanitizer's own bookkeeping makes meaningless (each says why at its
/// use); everything else a test checks holds under a sanitizer as it does without one.
public enum Sanitizer: String, Sendable {
    /// AddressSanitizer with LeakSanitizer (`scripts/sanitize address`).
    case address
    /// ThreadSanitizer (`scripts/sanitize thread`).
    case thread

    /// The sanitizer of this run; nil in a plain run.
    public static var active: Sanitizer? {
        ProcessInfo.processInfo.environment["MD_SANITIZER"].flatMap(Sanitizer.init(rawValue:))
    }

    /**
     `stderr` of a child without AddressSanitizer's one notice that is no finding: "ASan is ignoring
     requested __asan_handle_no_return" (with its two follow-up lines), which a sanitized Swift program
     may print once when a task switches stacks. Every other line, a sanitizer's real reports included,
     stays; in a plain run nothing is removed.
     */
    public static func withoutKnownNotices(_ stderr: String) -> String {
        guard active == .address, stderr.contains("__asan_handle_no_return") else { return stderr }
        var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        while let start = lines.firstIndex(where: { $0.hasPrefix("==") && $0.contains("WARNING: ASan is ignoring requested __asan_handle_no_return") }) {
            var end = start + 1
            while end < lines.count, end <= start + 2,
                  lines[end].hasPrefix("False positive error reports may follow") || lines[end].hasPrefix("For details see https://github.com/google/sanitizers/issues/189") {
                end += 1
            }
            lines.removeSubrange(start..<end)
        }
        return lines.joined(separator: "\n")
    }
}
