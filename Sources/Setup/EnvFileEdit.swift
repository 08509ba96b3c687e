public import Foundation
import DoctorRun

/// The hand-over of the connection string as a pure edit of an env file's bytes: the
/// `MONGODB_URI=` line is replaced (the last one, which dotenv uses) or added; every other byte of
/// the file stays as it was (other lines, their order, comments, line endings, a missing final
/// newline is added only before an appended line). An existing different value is replaced only
/// when the caller allows it.
///
/// ```swift
/// switch EnvFileEdit.edit(existing, value: uri, replaceDifferent: yes) {
/// case .write(let bytes, _): try await files.replace(path, contents: bytes, mode: 0o600)
/// case .unchanged, .conflict: break
/// }
/// ```
public enum EnvFileEdit: Sendable, Equatable {
    /// What kind of write `write` is.
    public enum Change: String, Sendable, Equatable {
        /// The file did not exist.
        case created
        /// The variable was not set in it: a line was added at the end.
        case appended
        /// The variable's line was rewritten.
        case replaced
    }

    /// The new bytes of the file.
    case write(Data, Change)
    /// The file already holds this value.
    case unchanged
    /// The file sets another (non-empty) value and replacing was not allowed.
    case conflict

    /// The variable setup writes.
    public static let variable = "MONGODB_URI"

    /// The edit that makes `existing` (nil: no file) set `name` to `value`.
    public static func edit(_ existing: Data?, name: String = variable, value: String, replaceDifferent: Bool) -> EnvFileEdit {
        guard let existing else { return .write(Data("\(name)=\(value)\n".utf8), .created) }
        let lines = split(Array(existing))
        guard let index = lines.lastIndex(where: { assignment(of: name, in: $0.content) != nil }),
            let assigned = assignment(of: name, in: lines[index].content)
        else {
            // The new line ends as the file's last ended line does (`\r\n` or `\n`).
            let ending: [UInt8] = lines.last(where: { !$0.ending.isEmpty })?.ending ?? [10]
            var bytes = Array(existing)
            if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += ending }
            bytes += Array("\(name)=\(value)".utf8) + ending
            return .write(Data(bytes), .appended)
        }
        let current = TargetResolver.dotEnvValue(named: name, in: String(decoding: lines[index].content, as: UTF8.self))
        if current == value { return .unchanged }
        if current != nil, !replaceDifferent { return .conflict }
        var bytes: [UInt8] = []
        for (i, line) in lines.enumerated() {
            if i == index {
                let quote = assigned.quote.map { String($0) } ?? ""
                bytes += assigned.prefix + Array("\(quote)\(value)\(quote)".utf8) + line.ending
            } else {
                bytes += line.content + line.ending
            }
        }
        return .write(Data(bytes), .replaced)
    }

    /// One line: its bytes without the terminator, and the terminator (`\n`, `\r\n` or none).
    struct Line {
        var content: [UInt8]
        var ending: [UInt8]
    }

    static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            var end = i
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            lines.append(Line(content: Array(bytes[start..<end]), ending: Array(bytes[end...i])))
            start = i + 1
        }
        if start < bytes.count { lines.append(Line(content: Array(bytes[start...]), ending: [])) }
        return lines
    }

    /// For a line assigning `name` (`NAME=…`, `export NAME = …`, indented): the bytes up to and
    /// including `=` and the spaces after it, and the quote character the value used.
    static func assignment(of name: String, in content: [UInt8]) -> (prefix: [UInt8], quote: Character?)? {
        let isBlank = { (b: UInt8) in b == 32 || b == 9 }
        var i = 0
        while i < content.count, isBlank(content[i]) { i += 1 }
        let export = Array("export ".utf8)
        if content[i...].starts(with: export) {
            i += export.count
            while i < content.count, isBlank(content[i]) { i += 1 }
        }
        let key = Array(name.utf8)
        guard content[i...].starts(with: key) else { return nil }
        i += key.count
        while i < content.count, isBlank(content[i]) { i += 1 }
        guard i < content.count, content[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < content.count, isBlank(content[i]) { i += 1 }
        let quote: Character? = i < content.count && [34, 39].contains(content[i]) ? Character(UnicodeScalar(content[i])) : nil
        return (Array(content[..<i]), quote)
    }
}
