import Foundation
import Testing
import TestSupport

@testable import MongoBridge

/// Every BSON type the project meets survives Swift → libbson → Swift unchanged.
@Suite struct BSONRoundTripTests {
    init() { TestRuntime.configureOnce() }

    static let oid = ObjectId(hex: "65f0c0ffee00112233445566")!

    static let samples: [(String, BSONValue)] = [
        ("string", .string("héllo\u{0}world")),
        ("int32", .int32(-42)),
        ("int64", .int64(1 << 40)),
        ("double", .double(3.25)),
        ("bool", .bool(true)),
        ("date", .date(BSONDate(millisecondsSinceEpoch: 1_709_283_600_123))),
        ("null", .null),
        ("objectId", .objectId(oid)),
        ("binary", .binary(BSONBinary(subtype: 4, bytes: Array(0..<16)))),
        ("document", .document(["a": 1, "b": ["c": "d"]])),
        ("array", .array([1, "two", .null, ["x": true]])),
        ("timestamp", .timestamp(BSONTimestamp(seconds: 1_700_000_000, increment: 7))),
        ("regex", .regex(pattern: "^a.*z$", options: "i")),
        ("minKey", .minKey),
        ("maxKey", .maxKey),
    ]

    @Test("round-trips through libbson", arguments: samples.map(\.0))
    func roundTrip(name: String) throws {
        let value = try #require(Self.samples.first { $0.0 == name }?.1)
        let document: BSONDocument = ["before": 1, "value": value, "after": "end"]
        let doc = try BSONWriter.make(document)
        defer { bson_destroy_for_tests(doc) }
        let back = try BSONReader.document(from: doc)
        #expect(back == document)
        #expect(back.keys == ["before", "value", "after"])
    }

    @Test func decimal128IsReadWithItsCanonicalString() throws {
        // 1.5 as decimal128: coefficient 15, exponent -1 → high = 0x303E000000000000, low = 15.
        let document: BSONDocument = ["d": .decimal128(BSONDecimal128(low: 15, high: 0x303E_0000_0000_0000, description: ""))]
        let back = try document.withBSONPointer { try BSONReader.document(from: $0) }
        guard case .decimal128(let value) = back["d"] else {
            Issue.record("not a decimal128: \(String(describing: back["d"]))")
            return
        }
        #expect(value.description == "1.5")
        #expect(value.low == 15 && value.high == 0x303E_0000_0000_0000)
    }

    @Test func keysWithNulAreRejectedNotTruncated() {
        #expect(throws: MongoError.self) { try BSONWriter.make(["a\u{0}b": 1]) }
    }

    @Test func objectIdHexParsing() {
        #expect(ObjectId(hex: "65f0c0ffee00112233445566")?.description == "65f0c0ffee00112233445566")
        #expect(ObjectId(hex: "65F0C0FFEE00112233445566")?.description == "65f0c0ffee00112233445566")
        #expect(ObjectId(hex: "xyz") == nil)
        #expect(ObjectId(hex: "65f0c0ffee0011223344556g") == nil)
        #expect(ObjectId() != ObjectId())
    }

    @Test func subscriptKeepsOrderAndRemoves() {
        var doc: BSONDocument = ["a": 1, "b": 2]
        doc["c"] = 3
        doc["a"] = nil
        doc["b"] = "two"
        #expect(doc.keys == ["b", "c"])
        #expect(doc["b"] == "two")
        #expect((["x": ["y": ["z": 5]]] as BSONDocument).value(atPath: "x.y.z")?.intValue == 5)
    }
}
