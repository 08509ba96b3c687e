import Foundation
import Yams

/// Parses a mongod configuration file into dotted leaves, or explains where it is broken.
///
/// mongod's own parser (yaml-cpp) rejects tab indentation outright, so a tab in a line's
/// indentation is reported even when the YAML library would have accepted it.
struct ConfigParser {
    enum Outcome: Sendable, Equatable {
        case parsed(MongodConfig)
        case invalid(YAMLProblem)
    }

    /// Parses a file's bytes. Bytes that are not UTF-8 make it invalid, located at the first bad one
    /// (line, column and offset): mongod's yaml-cpp refuses them too, and the file is readable, so
    /// `config.unreadable` and its permission fix would be wrong.
    func parse(_ data: Data) -> Outcome {
        if let text = String(data: data, encoding: .utf8) { return parse(text) }
        let bytes = [UInt8](data)
        var offset = 0, iterator = bytes.makeIterator(), decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        offset = min(offset, max(bytes.count - 1, 0))
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1
        let byte = bytes.isEmpty ? "" : String(format: " 0x%02X", bytes[offset])
        return .invalid(YAMLProblem(
            line: line, column: offset - lineStart + 1, problem: "not UTF-8 text (byte\(byte) at byte offset \(offset))",
            hints: ["the file is not text: --config must name mongod's YAML configuration file"]))
    }

    func parse(_ text: String) -> Outcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let tab = firstIndentationTab(lines) {
            return .invalid(problem(line: tab.line, column: tab.column, message: "tab character in indentation", lines: lines))
        }
        // The YAML library builds its tree by recursion: a file nested thousands deep would overflow the stack.
        if let deep = YAMLNestingBound.firstExcess(in: lines) {
            return .invalid(problem(
                line: deep.line, column: deep.column,
                message: "nested deeper than mongo-doctor reads (more than \(YAMLNestingBound.limit) brackets or levels of indentation); "
                    + "mongod's configuration nests a few levels", lines: lines))
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { return .parsed(MongodConfig()) }
            guard case .mapping(let mapping) = root else {
                let mark = root.mark
                return .invalid(problem(
                    line: mark?.line ?? 1, column: mark?.column ?? 1,
                    message: "the top level must be a mapping of sections (storage:, net:, systemLog:, …)", lines: lines))
            }
            var entries: [ConfigEntry] = []
            flatten(mapping, prefix: "", into: &entries)
            return .parsed(MongodConfig(entries: entries))
        } catch let error as YamlError {
            return .invalid(located(error, lines: lines))
        } catch {
            return .invalid(problem(line: 1, column: 1, message: ConfigSecrets.maskedText(String(describing: error)), lines: lines))
        }
    }

    private func flatten(_ mapping: Node.Mapping, prefix: String, into entries: inout [ConfigEntry]) {
        for (keyNode, valueNode) in mapping {
            let key = prefix + (keyNode.string ?? "")
            let line = keyNode.mark?.line ?? 0
            let column = keyNode.mark?.column ?? 0
            switch valueNode {
            case .mapping(let nested) where !nested.isEmpty:
                flatten(nested, prefix: key + ".", into: &entries)
            case .mapping:
                entries.append(ConfigEntry(key: key, value: nil, line: line, column: column))
            case .sequence(let sequence):
                let items = sequence.compactMap(\.string)
                entries.append(ConfigEntry(key: key, value: nil, items: items, line: line, column: column))
            case .scalar(let scalar):
                entries.append(ConfigEntry(key: key, value: scalar.string, line: line, column: column))
            }
        }
    }

    private func located(_ error: YamlError, lines: [String]) -> YAMLProblem {
        switch error {
        case .scanner(let context, let message, let mark, _),
            .parser(let context, let message, let mark, _),
            .composer(let context, let message, let mark, _):
            let full = context.map { "\(message) (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? message
            return problem(line: mark.line, column: mark.column, message: full, lines: lines)
        case .reader(let message, let offset, _, _):
            let (line, column) = position(ofUTF8Offset: offset ?? 0, in: lines)
            return problem(line: line, column: column, message: message, lines: lines)
        default:
            return problem(line: 1, column: 1, message: ConfigSecrets.maskedText(String(describing: error)), lines: lines)
        }
    }

    private func problem(line: Int, column: Int, message: String, lines rawLines: [String]) -> YAMLProblem {
        // Quoted lines (snippet, hints) never carry a secret value.
        let lines = rawLines.map(ConfigSecrets.masked(line:))
        let (text, caretColumn) = Self.window(lines.indices.contains(line - 1) ? lines[line - 1] : "", around: column)
        let caretPad = String(repeating: " ", count: max(0, caretColumn - 1))
        let shown = text.replacingAll("\t", with: "→")
        return YAMLProblem(
            line: line, column: column, problem: message,
            hints: ConfigHints.hints(for: line, in: lines), snippet: "\(shown)\n\(caretPad)^")
    }

    /// The line as shown under a problem: whole when short, else 40 characters each side of `column`
    /// with `…` where it was cut, and the caret's column in what is shown.
    static func window(_ line: String, around column: Int, reach: Int = 40) -> (text: String, column: Int) {
        let characters = Array(line)
        guard characters.count > 2 * reach + 1 else { return (line, column) }
        let center = min(max(column - 1, 0), characters.count - 1)
        let start = max(0, center - reach), end = min(characters.count, center + reach + 1)
        let head = start > 0 ? "…" : "", tail = end < characters.count ? "…" : ""
        return (head + String(characters[start..<end]) + tail, center - start + 1 + head.count)
    }

    /// The first tab in any line's leading whitespace.
    private func firstIndentationTab(_ lines: [String]) -> (line: Int, column: Int)? {
        for (index, line) in lines.enumerated() {
            for (offset, char) in line.enumerated() {
                if char == "\t" { return (index + 1, offset + 1) }
                if char != " " { break }
            }
        }
        return nil
    }

    private func position(ofUTF8Offset offset: Int, in lines: [String]) -> (Int, Int) {
        var remaining = offset
        for (index, line) in lines.enumerated() {
            let length = line.utf8.count + 1
            if remaining < length { return (index + 1, remaining + 1) }
            remaining -= length
        }
        return (max(1, lines.count), 1)
    }
}
