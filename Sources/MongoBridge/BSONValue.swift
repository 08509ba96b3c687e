public import Foundation

/// One BSON value, covering every type mongo-doctor reads or writes.
///
/// Round-trips through libbson unchanged for all cases. `decimal128` is kept as
/// its raw 128 bits plus libbson's canonical string so it can be shown and written back.
public enum BSONValue: Sendable, Equatable {
    case double(Double)
    case string(String)
    case document(BSONDocument)
    case array([BSONValue])
    case binary(BSONBinary)
    case objectId(ObjectId)
    case bool(Bool)
    /// A UTC datetime, milliseconds since the Unix epoch.
    case date(BSONDate)
    case null
    case regex(pattern: String, options: String)
    case int32(Int32)
    case timestamp(BSONTimestamp)
    case int64(Int64)
    case decimal128(BSONDecimal128)
    case minKey
    case maxKey
}

/// A BSON UTC datetime: milliseconds since the Unix epoch, exactly as stored.
public struct BSONDate: Sendable, Hashable, Comparable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64

    /// Creates a datetime from milliseconds since the epoch.
    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    /// Creates a datetime from a `Date`, rounded to the millisecond.
    public init(_ date: Date) {
        self.millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The same instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000) }

    public static func < (lhs: BSONDate, rhs: BSONDate) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}

/// BSON binary data with its subtype (0 generic, 4 UUID, …).
public struct BSONBinary: Sendable, Hashable {
    /// The BSON binary subtype byte.
    public var subtype: UInt8
    /// The payload.
    public var bytes: [UInt8]

    /// Creates binary data.
    public init(subtype: UInt8 = 0, bytes: [UInt8]) {
        self.subtype = subtype
        self.bytes = bytes
    }
}

/// A BSON timestamp (the replication clock): seconds and an ordinal.
public struct BSONTimestamp: Sendable, Hashable {
    /// Seconds since the epoch.
    public var seconds: UInt32
    /// Ordinal within the second.
    public var increment: UInt32

    /// Creates a timestamp.
    public init(seconds: UInt32, increment: UInt32) {
        self.seconds = seconds
        self.increment = increment
    }
}

/// A BSON decimal128, kept as its IEEE 754-2008 bits and libbson's string form.
public struct BSONDecimal128: Sendable, Hashable, CustomStringConvertible {
    /// Low 64 bits.
    public var low: UInt64
    /// High 64 bits.
    public var high: UInt64
    /// The canonical string libbson produced when the value was read ("1.5E+3", "NaN").
    public var description: String

    /// Creates a decimal128 from its bits and canonical string.
    public init(low: UInt64, high: UInt64, description: String) {
        self.low = low
        self.high = high
        self.description = description
    }
}

extension BSONValue {
    /// The string, when this is a BSON string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// The document, when this is an embedded document.
    public var documentValue: BSONDocument? { if case .document(let d) = self { d } else { nil } }

    /// The elements, when this is an array.
    public var arrayValue: [BSONValue]? { if case .array(let a) = self { a } else { nil } }

    /// The boolean, when this is a BSON boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// Any BSON number (int32, int64, whole double) as an `Int`.
    public var intValue: Int? {
        switch self {
        case .int32(let v): Int(v)
        case .int64(let v): Int(v)
        case .double(let v) where v.rounded() == v && abs(v) < 9.0e15: Int(v)
        default: nil
        }
    }

    /// Any BSON number as a `Double`.
    public var doubleValue: Double? {
        switch self {
        case .int32(let v): Double(v)
        case .int64(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }
}

extension BSONValue {
    /// The type's name as the `$type` query operator and aggregation expression spell it
    /// (`string`, `objectId`, `date`, `int`, `long`, `binData`, …).
    public var typeName: String {
        switch self {
        case .double: "double"
        case .string: "string"
        case .document: "object"
        case .array: "array"
        case .binary: "binData"
        case .objectId: "objectId"
        case .bool: "bool"
        case .date: "date"
        case .null: "null"
        case .regex: "regex"
        case .int32: "int"
        case .timestamp: "timestamp"
        case .int64: "long"
        case .decimal128: "decimal"
        case .minKey: "minKey"
        case .maxKey: "maxKey"
        }
    }
}
