import Foundation

extension TargetResolver {
    /// The resolver of this process: its environment (`MONGODB_URI`) and `./.env` in the working
    /// directory, exactly as `mongo-doctor` reads them. Every front end (the CLI, the auth demo) uses it.
    public static var currentProcess: TargetResolver {
        TargetResolver(environment: ProcessInfo.processInfo.environment) {
            try? String(contentsOfFile: ".env", encoding: .utf8)
        }
    }
}
