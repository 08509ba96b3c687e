import Foundation

/// Reads JSON log text as people paste it: a fragment of a line with no timestamp and no
/// closing brace (`"DBException in initAndListen, terminating","attr":{"error":"…"`, as
/// articles, support threads and Compass show it), and Windows paths pasted with single
/// backslashes (`C:\data\db\`, not valid JSON escapes).
enum JSONFragmentReader {
    /// The object in `text`, read strictly, then leniently (single backslashes kept literally).
    static func object(_ text: Substring) -> [String: Any]? {
        if let object = parse(String(text)) { return object }
        return parse(lenientEscapes(text))
    }

    /// The object a fragment stands for: opened where its opening is missing, strings and
    /// braces closed where the paste cut them off. `nil` when it is not a fragment of a mongod
    /// JSON log line (it must have a `msg`, `attr` or `id` key, or start with a message).
    static func fragment(_ text: Substring) -> [String: Any]? {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard body.contains("\":") || body.contains("\" :") else { return nil }
        if body.hasPrefix("{") {
            // a whole object that did not parse: only cut-off endings are repaired below
        } else if body.range(of: #"^"[A-Za-z_$][A-Za-z0-9_$.]*"\s*:"#, options: .regularExpression) != nil {
            body = "{" + body
        } else if body.range(of: #"^[A-Za-z_$][A-Za-z0-9_$]*"\s*:"#, options: .regularExpression) != nil {
            body = "{\"" + body
        } else if body.hasPrefix("\"") {
            // starts with a value: the message (`"DBException in initAndListen, terminating","attr":…`)
            body = "{\"msg\":" + body
        } else {
            return nil
        }
        for candidate in [body, lenientEscapes(Substring(body))] {
            if let object = parse(closing(candidate)), isLogObject(object) { return object }
        }
        return nil
    }

    private static func isLogObject(_ object: [String: Any]) -> Bool {
        object["msg"] is String || object["attr"] is [String: Any] || object["id"] is NSNumber
    }

    private static func parse(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// `text` with a cut-off string closed, a dangling `,` or `:` dropped and open brackets closed.
    static func closing(_ text: String) -> String {
        var stack: [Character] = []
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{": stack.append("}")
            case "[": stack.append("]")
            case "}", "]": if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        var result = text
        if inString {
            if escaped { result.removeLast() }
            result += "\""
        }
        while let last = result.last, last == "," || last == ":" || last.isWhitespace || last == "…" { result.removeLast() }
        return result + String(stack.reversed())
    }

    /// Doubles every backslash that does not start `\\`, `\"` or `\uXXXX`, so a pasted
    /// `C:\data\db\` reads as the path it is.
    static func lenientEscapes(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "\\" else {
                result.append(character)
                index += 1
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if next == "\\" || next == "\"" {
                result.append(character)
                result.append(next ?? "\\")
                index += 2
            } else if next == "u", index + 5 < characters.count,
                characters[(index + 2)...(index + 5)].allSatisfy(\.isHexDigit)
            {
                result.append(character)
                index += 1
            } else {
                result += "\\\\"
                index += 1
            }
        }
        return result
    }
}
