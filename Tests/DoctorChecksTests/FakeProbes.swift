@testable import DoctorChecks
import DoctorCore
import MongoBridge

/// A libmongoc probe with scripted answers.
struct ScriptedServerProbe: ServerProbe {
    var hello: Result<ServerHello, MongoError>
    var command: @Sendable (String) -> Result<BSONDocument, MongoError> = { _ in .success(["ok": 1]) }

    func hello(uri: String, timeout: Duration, saslUser: String?) async throws -> ServerHello { try hello.get() }
    func command(_ command: BSONDocument, database: String, uri: String, timeout: Duration) async throws -> BSONDocument {
        try self.command(uri).get()
    }
}

