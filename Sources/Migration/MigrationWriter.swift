public import MongoBridge

/// What one batch of writes did: how many documents are now in place, and which ones the server refused.
public struct WriteTally: Sendable {
    /// Documents written (inserted, or replaced because their `_id` was there: a rerun).
    public var written = 0
    /// Of those, documents that were already there and were replaced.
    public var replaced = 0
    /// Refused documents: their index in the batch, the server's code, and whether a unique index on
    /// `username` refused it (a case-insensitive duplicate already in the target).
    public var rejected: [(index: Int, code: Int, duplicateUsername: Bool)] = []

    /// An empty tally.
    public init() {}
}

/// The writes of a migration (blocking: call inside `ClientPool.withClient`).
///
/// Copying (SQLite into MongoDB, OAuth accounts, hashed session ids) inserts each batch unordered and,
/// for the documents whose `_id` is already there (a rerun, or a run killed half-way), replaces them by
/// `_id` with `upsert`: an upsert by `_id`, with the insert as the fast path, so a rerun ends with exactly
/// the source's documents. In place (Lucia v2 in MongoDB) updates users with `$set` of the added fields
/// and replaces each v2 session only while it is still in v2 form. Every method can be called again with
/// the same batch after a failure on the way (`MigrationRetryPolicy`) and ends the same.
public enum MigrationWriter {
    /// Inserts `documents`, replacing those whose `_id` exists.
    public static func copy(_ documents: [BSONDocument], into collection: MongoCollection) throws -> WriteTally {
        var tally = WriteTally()
        guard !documents.isEmpty else { return tally }
        let inserted = try collection.bulkWrite(documents.map { .insertOne($0) }, ordered: false)
        tally.written = inserted.insertedCount
        var again: [Int] = []
        for error in inserted.writeErrors where error.index >= 0 && error.index < documents.count {
            // Any duplicate key may hide an `_id` already there (a server need not report the `_id` index
            // first): retry it as a replace by `_id`, which tells the two apart.
            if error.code == 11000 { again.append(error.index) } else { tally.rejected.append(reject(error, at: error.index)) }
        }
        guard !again.isEmpty else { return tally }
        let replaced = try collection.bulkWrite(again.map { index in
            .replaceOne(filter: ["_id": documents[index]["_id"] ?? .null], replacement: documents[index], upsert: true)
        }, ordered: false)
        let refused = Set(replaced.writeErrors.map(\.index))
        for error in replaced.writeErrors where error.index >= 0 && error.index < again.count {
            tally.rejected.append(reject(error, at: again[error.index]))
        }
        let done = again.count - refused.count
        tally.written += done
        tally.replaced = done
        return tally
    }

    /// `$set`s each user's added fields (users with nothing to add are not written).
    public static func updateUsers(_ updates: [(id: String, added: BSONDocument)], in collection: MongoCollection) throws -> WriteTally {
        var tally = WriteTally()
        let models: [WriteModel] = updates.map { .updateOne(filter: ["_id": .string($0.id)], update: ["$set": .document($0.added)], upsert: false) }
        let result = try collection.bulkWrite(models, ordered: false)
        tally.written = result.matchedCount
        tally.rejected = result.writeErrors.map { reject($0, at: $0.index) }
        return tally
    }

    /**
     Replaces each v2 session (`oldID`) by its v3 document while it is still in v2 form.

     `retrying`: an earlier attempt at the same batch failed on the way, and may have replaced some of
     them first; those (no longer in v2 form) count as written and are not sent again.
     */
    public static func replaceSessions(_ sessions: [(oldID: String, document: BSONDocument)], in collection: MongoCollection,
                                       retrying: Bool = false) throws -> WriteTally {
        var tally = WriteTally()
        var todo = Array(sessions.indices)
        if retrying, !sessions.isEmpty {
            let ids = BSONValue.array(sessions.map { .string($0.oldID) })
            let done = Set(try collection.find(["_id": ["$in": ids], "idle_expires": ["$exists": false]], projection: ["_id": 1]).compactMap { $0["_id"]?.stringValue })
            todo.removeAll { done.contains(sessions[$0].oldID) }
            tally.written = sessions.count - todo.count
        }
        let models: [WriteModel] = todo.map { index in
            .replaceOne(filter: ["_id": .string(sessions[index].oldID), "idle_expires": ["$exists": true]], replacement: sessions[index].document, upsert: false)
        }
        let result = try collection.bulkWrite(models, ordered: false)
        tally.written += result.matchedCount
        tally.rejected = result.writeErrors.filter { $0.index >= 0 && $0.index < todo.count }.map { reject($0, at: todo[$0.index]) }
        return tally
    }

    /// Copies v3 sessions under new (hashed) ids, then deletes the v2 originals that are still in v2 form.
    public static func rekeySessions(_ sessions: [(oldID: String, document: BSONDocument)], in collection: MongoCollection) throws -> WriteTally {
        let tally = try copy(sessions.map(\.document), into: collection)
        let refused = Set(tally.rejected.map(\.index))
        let deletes: [WriteModel] = sessions.enumerated().filter { !refused.contains($0.offset) }.map { entry in
            .deleteOne(filter: ["_id": .string(entry.element.oldID), "idle_expires": ["$exists": true]])
        }
        _ = try collection.bulkWrite(deletes, ordered: false)
        return tally
    }

    static func reject(_ error: BulkWriteResult.WriteError, at index: Int) -> (index: Int, code: Int, duplicateUsername: Bool) {
        (index, error.code, error.code == 11000 && (error.keyPattern?.keys == ["username"] || error.serverMessage.contains("index: username_1")))
    }
}
