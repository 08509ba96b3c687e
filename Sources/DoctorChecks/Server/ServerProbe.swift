import BlockingWork
import DoctorCore
public import MongoBridge

/// What a `hello` (plus `buildInfo`) handshake told us about a server.
public struct ServerHello: Sendable, Equatable {
    /// The server version from `buildInfo` ("8.2.11"), when the server answered it.
    public var version: String?
    /// `maxWireVersion` from `hello`.
    public var maxWireVersion: Int?
    /// The replica set name, when the server is a replica-set member.
    public var setName: String?
    /// Whether the server says `msg: "isdbgrid"` (a mongos).
    public var isMongos: Bool
    /// Members the server advertises (`hosts`, then `passives`).
    public var hosts: [String]
    /// The primary the server names, when it names one.
    public var primary: String? { reply["primary"]?.stringValue }
    /// Whether this server is the writable primary (or a standalone/mongos).
    public var isWritablePrimary: Bool { reply["isWritablePrimary"]?.boolValue ?? reply["ismaster"]?.boolValue ?? false }
    /// SASL mechanisms the server offers for the user named in the `hello`, when asked.
    public var saslSupportedMechs: [String]? { reply["saslSupportedMechs"]?.arrayValue?.compactMap(\.stringValue) }
    /// The full `hello` reply.
    public var reply: BSONDocument

    /// Creates a handshake summary.
    public init(
        version: String?, maxWireVersion: Int?, setName: String?, isMongos: Bool, hosts: [String], reply: BSONDocument
    ) {
        self.version = version
        self.maxWireVersion = maxWireVersion
        self.setName = setName
        self.isMongos = isMongos
        self.hosts = hosts
        self.reply = reply
    }

    /// "standalone", "replica set <name>" or "mongos".
    public var topologyDescription: String {
        if isMongos { return "mongos" }
        if let setName { return "replica set \(setName)" }
        return "standalone"
    }
}

/// Talks to a MongoDB server for the checks; injected so checks can be tested without one.
public protocol ServerProbe: Sendable {
    /// Connects to `uri` and runs `hello` (asking for `saslSupportedMechs` of `saslUser`, "db.user",
    /// when given) and `buildInfo`, giving up after `timeout`.
    ///
    /// - Throws: `MongoError` as libmongoc reported it.
    func hello(uri: String, timeout: Duration, saslUser: String?) async throws -> ServerHello

    /// Connects to `uri` exactly as an application would (credentials included) and runs `command`
    /// against `database`. - Throws: `MongoError` as libmongoc reported it.
    func command(_ command: BSONDocument, database: String, uri: String, timeout: Duration) async throws -> BSONDocument
}

/// The real probe: a single-threaded libmongoc client, so a refused or unresolvable host fails
/// after one scan instead of waiting out `serverSelectionTimeoutMS`.
public struct LiveServerProbe: ServerProbe {
    /// Creates the probe.
    public init() {}

    public func hello(uri: String, timeout: Duration, saslUser: String?) async throws -> ServerHello {
        try await BlockingExecutor.dedicatedThread {
            let client = try Self.client(uri, timeout: timeout)
            var command: BSONDocument = ["hello": 1]
            if let saslUser { command["saslSupportedMechs"] = .string(saslUser) }
            let hello = try client.runCommand(command)
            let build = try? client.runCommand(["buildInfo": 1])
            return ServerHello(
                version: build?["version"]?.stringValue,
                maxWireVersion: hello["maxWireVersion"]?.intValue,
                setName: hello["setName"]?.stringValue,
                isMongos: hello["msg"]?.stringValue == "isdbgrid",
                hosts: ((hello["hosts"]?.arrayValue ?? []) + (hello["passives"]?.arrayValue ?? [])).compactMap(\.stringValue),
                reply: hello)
        }
    }

    public func command(_ command: BSONDocument, database: String, uri: String, timeout: Duration) async throws -> BSONDocument {
        try await BlockingExecutor.dedicatedThread {
            try Self.client(uri, timeout: timeout).runCommand(command, database: database)
        }
    }

    /// A single-threaded client whose every timeout is `timeout`.
    static func client(_ uri: String, timeout: Duration) throws -> MongoClient {
        let ms = Int32(clamping: max(1, timeout.milliseconds))
        let parsed = try MongoURI(uri).with(intOptions: [
            "serverSelectionTimeoutMS": ms, "connectTimeoutMS": ms, "socketTimeoutMS": ms,
        ])
        return try MongoClient(uri: parsed)
    }
}
