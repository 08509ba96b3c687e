import DoctorCore
import Foundation

/// Parses one MongoDB 4.4+ structured log line (`{"t":{"$date":…},"s":"E","c":…,"id":…}`).
struct JSONLogLineParser: Sendable {
    /// Returns the event, or `nil` when `json` is not a mongod JSON log line. Windows paths
    /// pasted with single backslashes are read leniently.
    func parse(_ json: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        guard let object = JSONFragmentReader.object(json) else { return nil }
        let hasDate = (object["t"] as? [String: Any])?["$date"] != nil
        guard object["msg"] is String || object["id"] != nil, hasDate || object["s"] is String else { return nil }
        return event(object, lineNumber: lineNumber, line: line)
    }

    /// Returns the event of a pasted fragment of a JSON line (no timestamp, no closing brace),
    /// or `nil` when `text` is not one. Its id, when cut off, comes from the message
    /// (`"DBException in initAndListen, terminating"` is always id 20557).
    func parseFragment(_ text: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        guard let object = JSONFragmentReader.fragment(text) else { return nil }
        var event = event(object, lineNumber: lineNumber, line: line)
        if event.id == nil { event.id = Self.idByMessage[event.message] }
        if object["s"] == nil {
            let terminating = event.id.map { MongodExitCodes.terminatingIDs.contains($0) } ?? false
            event.severity = terminating || event.error != nil ? .error : .info
        }
        return event
    }

    /// Messages of the startup-failure lines, and their ids (`src/mongo/db/mongod_main.cpp`,
    /// `src/mongo/transport/transport_layer_asio.cpp`, `src/mongo/util/assert_util.cpp`,
    /// `src/mongo/db/storage/wiredtiger/wiredtiger_util.cpp`).
    static let idByMessage: [String: Int] = [
        "DBException in initAndListen, terminating": 20557, "std::exception in initAndListen, terminating": 20558,
        "Error setting up listener": 20568, "Wrong mongod version": 20573,
        "Error during global initialization": 20574, "Error creating service context": 20575,
        "Fatal assertion": 23091, "WiredTiger error": 22435, "WiredTiger error message": 22435,
        "Failed to unlink socket file": 23024, "Read security file failed": 20254,
    ]

    private func event(_ object: [String: Any], lineNumber: Int, line: String) -> MongodLogEvent {
        let id = (object["id"] as? NSNumber)?.intValue
        let message = object["msg"] as? String
        let severity = object["s"] as? String
        let date = (object["t"] as? [String: Any])?["$date"]
        var attributes: [String: JSONValue] = [:]
        if let attr = object["attr"] as? [String: Any] {
            for (key, value) in attr { attributes[key] = AnyJSON.convert(value) }
        }
        // `error` in most lines; `e`, `exception` or `status` in some (a DBPathInUse logged under `e`).
        let loggedError = Self.loggedError(attributes["error"])
            ?? ["e", "exception", "status"].lazy.compactMap { Self.namedError(attributes[$0]) }.first
        var event = MongodLogEvent(
            lineNumber: lineNumber, line: line, format: .json,
            severity: LogSeverity(letter: severity ?? "I"), message: message ?? "",
            timestamp: date as? String, component: object["c"] as? String, id: id, context: object["ctx"] as? String,
            attributes: attributes, tags: object["tags"] as? [String] ?? [],
            error: loggedError)
        if case .int(let code)? = attributes["exitCode"] { event.statedExitCode = code }
        if id == 4_615_611 || event.message.hasPrefix("MongoDB starting") {
            event.startupMarker = .starting
        } else if event.message.contains("SERVER RESTARTED") {
            event.startupMarker = .restarted
        }
        return event
    }

    /// An error under another attribute name, only when it names its code (`DBPathInUse: …`).
    private static func namedError(_ value: JSONValue?) -> LoggedError? {
        guard let error = loggedError(value), error.codeName != nil else { return nil }
        return error
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
        // 2.6/3.0 print a Status as `FileNotOpen Failed to open "…"` (a space, no colon).
        if let space = text.firstIndex(of: " "), knownNames.contains(String(text[..<space])) {
            return LoggedError(codeName: String(text[..<space]), message: String(text[text.index(after: space)...]))
        }
        guard let colon = text.range(of: ": ") else { return LoggedError(message: text) }
        let head = text[..<colon.lowerBound]
        guard isCodeName(head) else { return LoggedError(message: text) }
        return LoggedError(codeName: String(head), message: String(text[colon.upperBound...]))
    }

    /// Code names recognised without a colon after them.
    static let knownNames: Set<String> = Set(LegacyLogLineParser.codeNames.values)

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
