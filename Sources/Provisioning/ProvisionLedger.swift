public import AuthStore
public import MongoBridge

/// The ledger `provision` writes (one document per applied step), read back.
public enum ProvisionLedger {
    /**
     The session format the last provision recorded in `database`, or `nil` when none did
     (blocking: call it inside `ClientPool.withClient`).

     - Throws: `MongoError` when the ledger cannot be read.
     */
    public static func lastSessionFormat(in database: MongoDatabase, names: AuthCollectionNames) throws -> SessionTokenFormat? {
        let ledger = database.collection(names.ledger)
        let last = try ledger.find(["sessionFormat": ["$type": "string"]], sort: ["appliedAt": -1], limit: 1).first
        return last?["sessionFormat"]?.stringValue.flatMap(SessionTokenFormat.init(rawValue:))
    }
}
