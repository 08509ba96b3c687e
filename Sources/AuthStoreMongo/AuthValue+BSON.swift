public import AuthStore
public import MongoBridge

extension AuthValue {
    /// The value as AuthStore stores it in MongoDB (and `migrate` copies SQLite's storage classes):
    /// text a string, INTEGER an int64, REAL a double, BLOB binary (subtype 0), NULL null.
    public var bsonValue: BSONValue {
        switch self {
        case .text(let text): .string(text)
        case .integer(let number): .int64(number)
        case .real(let number): .double(number)
        case .blob(let bytes): .binary(BSONBinary(subtype: 0, bytes: bytes))
        case .null: .null
        }
    }
}
