/// An ordered BSON document owned entirely by Swift.
///
/// Keys keep their insertion order (BSON is ordered: a command's name must come first).
/// Converting to and from libbson happens only inside `MongoBridge`, in scoped closures.
public struct BSONDocument: Sendable, Equatable {
    /// The keys in order.
    public private(set) var keys: [String]
    /// The values in the same order as `keys`.
    public private(set) var values: [BSONValue]

    /// An empty document.
    public init() {
        keys = []
        values = []
    }

    /// A document from ordered key-value pairs; a repeated key keeps its first place and last value.
    public init(_ pairs: [(String, BSONValue)]) {
        self.init()
        reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Makes room for `count` fields, so that a document built field by field allocates once.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// The number of top-level fields.
    public var count: Int { keys.count }

    /// Whether the document has no fields.
    public var isEmpty: Bool { keys.isEmpty }

    /// Reads or writes a top-level field; assigning `nil` removes it.
    public subscript(key: String) -> BSONValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Reads a nested field by a dotted path (`"cursor.firstBatch"`).
    public func value(atPath path: String) -> BSONValue? {
        var current: BSONValue = .document(self)
        for part in path.split(separator: ".") {
            guard case .document(let doc) = current, let next = doc[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// The fields as ordered pairs.
    public var elements: [(key: String, value: BSONValue)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }
}

extension BSONDocument: ExpressibleByDictionaryLiteral {
    /// A document literal; order is the literal's order.
    public init(dictionaryLiteral elements: (String, BSONValue)...) {
        self.init(elements)
    }
}

extension BSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string literal is a BSON string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal is an int32 when it fits, else an int64.
    public init(integerLiteral value: Int) {
        self = Int32(exactly: value).map { .int32($0) } ?? .int64(Int64(value))
    }
    /// A boolean literal is a BSON boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A float literal is a BSON double.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// An array literal is a BSON array.
    public init(arrayLiteral elements: BSONValue...) { self = .array(elements) }
    /// A dictionary literal is an embedded document.
    public init(dictionaryLiteral elements: (String, BSONValue)...) { self = .document(BSONDocument(elements)) }
}
