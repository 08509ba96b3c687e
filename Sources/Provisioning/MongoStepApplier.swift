import Foundation
import MongoBridge
import DoctorCore

/// Applies one planned step's action through MongoBridge and records it in the ledger
/// (blocking: call it inside `ClientPool.withClient`).
struct MongoStepApplier {
    let client: MongoClient
    let request: ProvisionRequest
    let ledgerEntry: @Sendable (ProvisionStep) -> BSONDocument

    var database: MongoDatabase { client.database(request.database) }

    /// The step after trying its action: `applied`, `blocked` (duplicates surfaced by the server) or `failed`.
    func apply(_ step: ProvisionStep) -> ProvisionStep {
        guard step.status == .planned, let action = step.action else { return step }
        var result = step
        do {
            try perform(action)
            result.status = .applied
            try database.collection(request.names.ledger).insertOne(ledgerEntry(result))
        } catch let error as MongoError where error.serverCode == 11000 {
            result.status = .blocked
            result.finding = .authStoreDuplicateUsernames
            result.detail = "the server found values equal under the index's collation: \(step.detail) was not done"
        } catch {
            result.status = .failed
            result.finding = .authStoreStepFailed
            result.detail = "\(step.detail): refused (\(error))"
        }
        result.action = nil
        return result
    }

    func perform(_ action: ProvisionAction) throws {
        switch action {
        case .createCollection(let name, let options):
            try database.createCollection(name, options: options)
        case .collMod(let name, let options):
            try database.collMod(name, options: options)
        case .createIndex(let collection, let model, let dropFirst):
            if let dropFirst { try database.collection(collection).dropIndex(dropFirst) }
            try database.collection(collection).createIndexes([model])
        case .shardCollection(let namespace, let key):
            do { _ = try client.runCommand(["enableSharding": .string(request.database)]) } catch let error as MongoError where error.serverCode == 23 {}
            _ = try client.runCommand(["shardCollection": .string(namespace), "key": .document(key)])
        case .createRole(let name, let privileges):
            _ = try database.runCommand(["createRole": .string(name), "privileges": .array(privileges), "roles": []])
        case .createUser(let name, let role):
            guard let appUser = request.appUser, appUser.name == name else { throw ProvisionError("no password was given for the app user") }
            _ = try database.runCommand([
                "createUser": .string(name), "pwd": .string(appUser.password),
                "roles": [.document(["role": .string(role), "db": .string(request.database)])],
            ])
        case .sqliteEnsure:
            throw ProvisionError("an SQLite step reached the MongoDB applier")
        }
    }
}
