#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends a probe early with the failure to report (thrown by the setup and connect steps).
struct ProbeAbort: Error {
    /// What the probe reports.
    let failure: TLSProbeFailure

    /// Aborts with `failure`.
    init(_ failure: TLSProbeFailure) {
        self.failure = failure
    }

    /// The system's text for an errno value ("Connection refused").
    static func systemText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
