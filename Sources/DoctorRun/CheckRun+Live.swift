import DoctorChecks
import Foundation
import LocalMongod

extension CheckRun {
    /// A run against this machine and the real network.
    public static var live: CheckRun {
        CheckRun(
            connectionProbes: .live, localProbes: .live,
            localRule: LocalTargetRule(hostName: ProcessInfo.processInfo.hostName))
    }
}
