/// Errors the bridge raises itself (domain `Domain.bridge`, 0).
extension MongoError {
    /// The codes of bridge errors (domain 0).
    public enum BridgeCode {
        /// Any other bridge failure (no handle, no cursor, out of memory, invalid BSON).
        public static let general: UInt32 = 0
        /// The `ClientPool` is closing or closed.
        public static let poolClosed: UInt32 = 1
        /// A pooled client was used after its `withClient` body ended.
        public static let clientReleased: UInt32 = 2
        /// `MongoRuntime.configure` came after libmongoc was initialised, or with other values.
        public static let alreadyInitialized: UInt32 = 3
    }

    /// Whether this error says the pool is closing or closed.
    public var isPoolClosed: Bool { domain == Domain.bridge && code == BridgeCode.poolClosed }

    /// Whether this error says a pooled client was used after it went back to its pool.
    public var isClientReleased: Bool { domain == Domain.bridge && code == BridgeCode.clientReleased }

    static func poolClosed() -> MongoError {
        MongoError(domain: Domain.bridge, code: BridgeCode.poolClosed, message: "the client pool is closed")
    }

    static func clientReleased() -> MongoError {
        MongoError(
            domain: Domain.bridge, code: BridgeCode.clientReleased,
            message: "a pooled client was used after its withClient body ended")
    }

    static func alreadyInitialized(_ detail: String) -> MongoError {
        MongoError(domain: Domain.bridge, code: BridgeCode.alreadyInitialized, message: detail)
    }
}
