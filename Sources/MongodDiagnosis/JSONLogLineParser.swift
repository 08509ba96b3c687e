import DoctorCore
import Foundation

/// Parses one MongoDB 4.4+ structured log line (`{"t":{"$date":…},"s":"E","c":…,"id":…}`).
struct JSONLogLineParser: Sendable {
    /// The fields of a log line; anything else is ignored.
    private struct RawLine: Decodable {
        struct DateField: Decodable {
            let date: String?
            enum CodingKeys: String, CodingKey { case date = "$date" }
        }
        let t: DateField?
        let s: String?
        let c: String?
        let id: Int?
        let ctx: String?
        let msg: String?
        let attr: AnyJSON?
        let tags: [String]?
    }

    /// Returns the event, or `nil` when `json` is not a mongod JSON log line.
    func parse(_ json: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        guard let raw = try? JSONDecoder().decode(RawLine.self, from: Data(json.utf8)),
            raw.msg != nil || raw.id != nil, raw.t != nil || raw.s != nil
        else { return nil }
        var attributes: [String: JSONValue] = [:]
        if case .object(let pairs)? = raw.attr?.value {
            for (key, value) in pairs { attributes[key] = value }
        }
        let message = raw.msg ?? ""
        var event = MongodLogEvent(
            lineNumber: lineNumber, line: line, format: .json,
            severity: LogSeverity(letter: raw.s ?? "I"), message: message,
            timestamp: raw.t?.date, component: raw.c, id: raw.id, context: raw.ctx,
            attributes: attributes, tags: raw.tags ?? [],
            error: Self.loggedError(attributes["error"]))
        if case .int(let code)? = attributes["exitCode"] { event.statedExitCode = code }
        if raw.id == 4_615_611 || message.hasPrefix("MongoDB starting") {
            event.startupMarker = .starting
        } else if message.contains("SERVER RESTARTED") {
            event.startupMarker = .restarted
        }
        return event
    }

    /// Reads `attr.error`: `"<codeName>: msg"`, `{code, codeName, errmsg}`, or an errno.
    static func loggedError(_ value: JSONValue?) -> LoggedError? {
        switch value {
        case .string(let text)?:
            return CodeNamePrefix.split(text)
        case .object(let pairs)?:
            var error = LoggedError(message: "")
            for (key, field) in pairs {
                switch (key, field) {
                case ("code", .int(let code)): error.code = code
                case ("codeName", .string(let name)): error.codeName = name
                case ("errmsg", .string(let text)): error.message = text
                default: break
                }
            }
            return error
        case .int(let errno)?:
            return LoggedError(code: errno, message: "errno \(errno)")
        default:
            return nil
        }
    }
}

/// Splits `"NonExistentPath: Data directory …"` into a code name and a message.
enum CodeNamePrefix {
    /// Returns the error with its code name split off, when the text starts with one.
    static func split(_ text: String) -> LoggedError {
        guard let colon = text.range(of: ": ") else { return LoggedError(message: text) }
        let head = text[..<colon.lowerBound]
        guard isCodeName(head) else { return LoggedError(message: text) }
        return LoggedError(codeName: String(head), message: String(text[colon.upperBound...]))
    }

    /// A code name is one CamelCase word (`DBPathInUse`, `Location28596`), not a sentence.
    static func isCodeName(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 3 else { return false }
        let allowed = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return allowed && word.contains(where: \.isLowercase)
    }
}

/// A JSON value decoded with `Decodable`, kept as DoctorCore's `JSONValue` (keys sorted).
struct AnyJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            value = .int(int)
        } else if let double = try? container.decode(Double.self) {
            value = .double(double)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([AnyJSON].self) {
            value = .array(array.map(\.value))
        } else {
            let object = try container.decode([String: AnyJSON].self)
            value = .object(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) })
        }
    }
}
