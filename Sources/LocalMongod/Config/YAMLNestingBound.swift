/// An upper bound on how deeply a YAML text nests, found by scanning it without building it.
///
/// The YAML library builds its node tree by recursion, so a file nesting a hundred thousand levels
/// (`a: [[[[…`, or `- - - - …`) overflows the stack. mongod's configuration nests a few levels, so a
/// file whose bound passes ``limit`` is refused before it is parsed.
///
/// The bound never falls short of the real depth, whatever the quoting: every `[` and `{` so far is
/// counted as a flow level still open (closers are never subtracted: one inside a quoted scalar would
/// hide a real opener), and a line's block levels are at most two per column of indentation (a
/// sequence may sit at its key's indentation) plus two per leading `- ` or `? ` indicator, plus two
/// for the mappings around them. A real configuration stays far below it; only a file with hundreds
/// of brackets or an absurd indentation is refused.
enum YAMLNestingBound {
    /// The bound accepted: far beyond any mongod configuration, far below a stack's reach.
    static let limit = 512

    /// Where the bound first passes `limit` (1-based line and column), or `nil` when it never does.
    static func firstExcess(in lines: [String], limit: Int = limit) -> (line: Int, column: Int)? {
        let space = UInt8(ascii: " ")
        var flowOpeners = 0
        for (number, text) in zip(1..., lines) {
            let line = Array(text.utf8)
            let indent = line.prefix { $0 == space }.count
            var index = indent, block = 2 * indent + 2
            if block + flowOpeners > limit { return (number, indent + 1) }
            while index < line.count, line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "?"),
                  index + 1 == line.count || line[index + 1] == space {
                block += 2
                if block + flowOpeners > limit { return (number, index + 1) }
                index += 1
                while index < line.count, line[index] == space { index += 1 }
            }
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                flowOpeners += 1
                if block + flowOpeners > limit { return (number, offset + 1) }
            }
        }
        return nil
    }
}
