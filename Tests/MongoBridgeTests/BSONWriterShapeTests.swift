import Foundation
import Testing
import TestSupport

@testable import MongoBridge

/// The writer's exact bytes and its edges: children written in place, array keys from libbson's table
/// and past it, empty keys and strings, deep nesting, and an error deep inside a child.
@Suite struct BSONWriterShapeTests {
    init() { TestRuntime.configureOnce() }

    /// Little-endian int32.
    static func le(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    @Test func bytesAreExactlyTheSpecsEncoding() throws {
        let document: BSONDocument = ["a": [1, "x"], "": ""]
        // {"a": [1, "x"], "": ""}: array "a" with int32 "0" and string "1", then an empty key and string.
        let array: [UInt8] = [0x10, 0x30, 0] + Self.le(1) + [0x02, 0x31, 0] + Self.le(2) + [0x78, 0] + [0]
        let body: [UInt8] = [0x04, 0x61, 0] + Self.le(Int32(array.count + 4)) + array
            + [0x02, 0] + Self.le(1) + [0] + [0]
        #expect(try document.bsonBytes() == Self.le(Int32(body.count + 4)) + body)
    }

    @Test("arrays round-trip with their keys, inside and past libbson's table of 1000", arguments: [0, 1, 999, 1000, 1500])
    func longArrays(count: Int) throws {
        let document: BSONDocument = ["items": .array((0..<count).map { .int32(Int32($0)) })]
        let bytes = try document.bsonBytes()
        #expect(try BSONDocument(bsonBytes: bytes) == document)
        if count > 0 {
            let last = Array("\(count - 1)".utf8) + [0]
            #expect(bytes.firstRange(of: [0x10] + last) != nil, "key \(count - 1) is written as its decimal")
        }
    }

    @Test func deepNestingRoundTrips() throws {
        var value: BSONValue = "bottom"
        for level in 0..<200 { value = level.isMultiple(of: 2) ? .document(["level": .int32(Int32(level)), "next": value]) : .array([value, .null]) }
        let document: BSONDocument = ["root": value]
        #expect(try BSONDocument(bsonBytes: document.bsonBytes()) == document)
    }

    @Test func aBadKeyDeepInsideThrowsAndLeavesNothingHalfWritten() throws {
        let document: BSONDocument = ["ok": 1, "child": ["list": [["fine": 1], ["bad\u{0}key": 2]]]]
        #expect(throws: MongoError.self) { try document.bsonBytes() }
        // The same writer works again at once.
        #expect(try BSONDocument(bsonBytes: (["ok": 1] as BSONDocument).bsonBytes()) == ["ok": 1])
    }

    @Test func longAndNonASCIIStringsAndKeys() throws {
        let long = String(repeating: "é", count: 5000)
        let document: BSONDocument = [long: .string(long), "ключ": "значение", "nul": "a\u{0}b"]
        #expect(try BSONDocument(bsonBytes: document.bsonBytes()) == document)
    }
}
