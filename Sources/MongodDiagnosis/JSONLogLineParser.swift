import DoctorCore
import Foundation

/// Parses one MongoDB 4.4+ structured log line (`{"t":{"$date":…},"s":"E","c":…,"id":…}`).
struct JSONLogLineParser: Sendable {
    /// Returns the event, or `nil` when `json` is not a mongod JSON log line.
    func parse(_ json: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            return nil
        }
        let id = (object["id"] as? NSNumber)?.intValue
        let message = object["msg"] as? String
        let severity = object["s"] as? String
        let date = (object["t"] as? [String: Any])?["$date"]
        guard message != nil || id != nil, date != nil || severity != nil else { return nil }
        var attributes: [String: JSONValue] = [:]
        if let attr = object["attr"] as? [String: Any] {
            for (key, value) in attr { attributes[key] = AnyJSON.convert(value) }
        }
        var event = MongodLogEvent(
            lineNumber: lineNumber, line: line, format: .json,
            severity: LogSeverity(letter: severity ?? "I"), message: message ?? "",
            timestamp: date as? String, component: object["c"] as? String, id: id, context: object["ctx"] as? String,
            attributes: attributes, tags: object["tags"] as? [String] ?? [],
            error: Self.loggedError(attributes["error"]))
        if case .int(let code)? = attributes["exitCode"] { event.statedExitCode = code }
        if id == 4_615_611 || event.message.hasPrefix("MongoDB starting") {
            event.startupMarker = .starting
        } else if event.message.contains("SERVER RESTARTED") {
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

/// Converts `JSONSerialization` output to DoctorCore's `JSONValue` (object keys sorted).
enum AnyJSON {
    /// The value of `any`; numbers with a fraction become doubles, whole numbers ints.
    static func convert(_ any: Any) -> JSONValue {
        switch any {
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 9.0e15 { return .int(number.intValue) }
            return .double(double)
        case let list as [Any]:
            return .array(list.map(convert))
        case let object as [String: Any]:
            return .object(object.keys.sorted().compactMap { key in object[key].map { (key, convert($0)) } })
        default:
            return .null
        }
    }
}
