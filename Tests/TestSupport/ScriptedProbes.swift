public import DoctorChecks
public import MongoBridge
public import TLSProbe

/// A libmongoc probe with scripted answers: `hello` for the hello stage, `command` (given the URI
/// used) for the auth stage.
public struct ScriptedServerProbe: ServerProbe {
    /// What `hello` returns or throws.
    public var hello: Result<ServerHello, MongoError>
    /// What a command returns or throws, by the URI it was sent with.
    public var command: @Sendable (String) -> Result<BSONDocument, MongoError>

    /// Creates the probe; commands succeed unless `command` says otherwise.
    public init(hello: Result<ServerHello, MongoError>,
                command: @escaping @Sendable (String) -> Result<BSONDocument, MongoError> = { _ in .success(["ok": 1]) }) {
        self.hello = hello
        self.command = command
    }

    public func hello(uri: String, timeout: Duration, saslUser: String?) async throws -> ServerHello { try hello.get() }
    public func command(_ command: BSONDocument, database: String, uri: String, timeout: Duration) async throws -> BSONDocument {
        try self.command(uri).get()
    }
}

/// A TLS prober with a scripted result (the real prober's cases are tested for real in TLSProbeTests).
public struct ScriptedTLSProber: TLSProber {
    /// The result of every probe.
    public let result: TLSHandshakeResult

    /// Creates the prober.
    public init(result: TLSHandshakeResult) { self.result = result }

    public func probe(address: ResolvedAddress, port: Int, serverName: String, caFile: String?,
                      allowInvalidCertificates: Bool, allowInvalidHostnames: Bool, timeout: Duration) async -> TLSHandshakeResult { result }
}

/// A minimal OP_MSG reply `{ok: 1}`: what the tcp stage's plaintext `hello` takes for MongoDB.
public func opMsgOKReply() -> [UInt8] {
    let body = (try? (["ok": 1.0] as BSONDocument).bsonBytes()) ?? []
    var reply: [UInt8] = []
    for v: Int32 in [Int32(21 + body.count), 1, 1, 2013, 0] { reply += withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    return reply + [0] + body
}
