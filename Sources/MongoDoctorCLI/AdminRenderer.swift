import ArgumentParser
import AuthAdmin
import AuthStore
import DoctorCore
import Foundation

/// Renders an `AdminResult`: one line of text per fact, or `{"schemaVersion":1,"command":…,"store":…,…}`
/// (README, "users and sessions"). No password, hash, token or session id is in an `AdminResult`,
/// so none can be rendered; sessions appear as their fingerprint.
enum AdminRenderer {
    /// Prints the result on stdout and ends the command with its exit status.
    static func emit(_ result: AdminResult, command: String, store: AdminStoreDescription, json: Bool) throws {
        let text = json ? value(result, command: command, store: store).serialized + "\n" : self.text(result)
        FileHandle.standardOutput.write(Data(text.utf8))
        if result.exitStatus != ExitStatus.clean { throw ExitCode(result.exitStatus) }
    }

    static func value(_ result: AdminResult, command: String, store: AdminStoreDescription) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schemaVersion", .int(1)), ("command", .string(command)),
            ("store", .object([
                ("backend", .string(store.backend)), ("database", .string(store.database)), ("path", .string(store.path)),
                ("sessionFormat", .string(store.sessionFormat.rawValue)),
            ])),
            ("ok", .bool(result.exitStatus == ExitStatus.clean)),
        ]
        switch result {
        case .userAdded(let user): pairs.append(("user", value(user)))
        case .usernameTaken(let name): pairs += [("username", .string(name)), ("reason", .string("username-taken"))]
        case .passwordChecked(let name, let user):
            pairs += [("username", .string(name)), ("match", .bool(user != nil)), ("user", user.map(value) ?? .null)]
        case .users(let users): pairs.append(("users", .array(users.map(value))))
        case .userDeleted(let name, let user):
            pairs += [("username", .string(name)), ("deleted", .bool(user != nil)), ("user", user.map(value) ?? .null)]
        case .noSuchUser(let name): pairs += [("username", .string(name)), ("reason", .string("no-such-user"))]
        case .sessions(let user, let sessions): pairs += [("user", value(user)), ("sessions", .array(sessions.map(value)))]
        case .sessionsRevoked(let user, let count): pairs += [("user", value(user)), ("revoked", .int(count))]
        case .expiredPurged(let count): pairs.append(("purged", .int(count)))
        case .validation(.valid(let user, let session)):
            pairs += [("valid", .bool(true)), ("reason", .null), ("user", value(user)), ("session", value(session))]
        case .validation(.rejected(let reason)):
            pairs += [("valid", .bool(false)), ("reason", .string(reason.rawValue)), ("user", .null), ("session", .null)]
        }
        return .object(pairs)
    }

    static func value(_ user: AdminUser) -> JSONValue {
        .object([("id", .string(user.id)), ("username", .string(user.username)), ("hasPassword", .bool(user.hasPassword))])
    }

    static func value(_ session: AdminSession) -> JSONValue {
        .object([("fingerprint", .string(session.fingerprint)), ("expiresAt", .string(timestamp(session.expiresAt))), ("extended", .bool(session.extended))])
    }

    static func text(_ result: AdminResult) -> String {
        let lines: [String]
        switch result {
        case .userAdded(let user): lines = ["added user \(name(user)) (id \(user.id))"]
        case .usernameTaken(let name): lines = ["username \(quoted(name)) is taken"]
        case .passwordChecked(let name, let user):
            lines = [user == nil ? "password does not match for \(quoted(name)) (or no such user)" : "password matches for \(quoted(name))"]
        case .users(let users):
            lines = users.map { "\(name($0))  id \($0.id)  password \($0.hasPassword ? "set" : "none")" } + ["\(users.count) user(s)"]
        case .userDeleted(let name, let user):
            lines = [user.map { "deleted user \(self.name($0)) (id \($0.id)) and their sessions" } ?? "no user \(quoted(name))"]
        case .noSuchUser(let name): lines = ["no user \(quoted(name))"]
        case .sessions(let user, let sessions):
            lines = sessions.map { "session \($0.fingerprint)  expires \(timestamp($0.expiresAt))" } + ["\(sessions.count) live session(s) for \(name(user))"]
        case .sessionsRevoked(let user, let count): lines = ["revoked \(count) session(s) of \(name(user))"]
        case .expiredPurged(let count): lines = ["purged \(count) expired session(s)"]
        case .validation(.valid(let user, let session)):
            lines = ["valid: user \(name(user)) (id \(user.id)), session \(session.fingerprint), expires \(timestamp(session.expiresAt))\(session.extended ? " (extended)" : "")"]
        case .validation(.rejected(let reason)): lines = ["not valid: \(reason)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func name(_ user: AdminUser) -> String { user.username.map(quoted) ?? "(no username)" }
    static func quoted(_ text: String) -> String { "\"\(text)\"" }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
