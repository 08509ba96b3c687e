import Foundation
public import Hummingbird
import NIOCore

/// A bounded `application/x-www-form-urlencoded` body: at most `maximumBytes`, UTF-8, each field
/// at most once (the first wins).
public struct FormBody: Sendable {
    /// The largest body read (8 KiB: a username, a password and room to spare).
    public static let maximumBytes = 8 * 1024

    /// Why a body was not read.
    public enum Failure: Error, Equatable {
        /// Bigger than `maximumBytes` (413).
        case tooLarge
        /// Not a form (415).
        case notAForm
        /// Not decodable: bad percent escapes, not UTF-8 (400).
        case malformed

        /// The HTTP status it answers with.
        public var status: HTTPResponse.Status {
            switch self {
            case .tooLarge: .contentTooLarge
            case .notAForm: .unsupportedMediaType
            case .malformed: .badRequest
            }
        }
    }

    /// The decoded fields.
    public let fields: [String: String]

    /// A field's value, or `nil`.
    public subscript(_ name: String) -> String? { fields[name] }

    /// Reads the body of `request`, refusing it before reading when `Content-Length` is too big.
    public static func read(_ request: Request) async throws(Failure) -> FormBody {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else { throw .notAForm }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBytes { throw .tooLarge }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maximumBytes) } catch is NIOTooManyBytesError { throw .tooLarge } catch { throw .malformed }
        return try parse(buffer)
    }

    /// Decodes a form body (`+` is a space; `%XX` escapes must form UTF-8).
    public static func parse(_ buffer: ByteBuffer) throws(Failure) -> FormBody {
        var fields: [String: String] = [:]
        for pair in buffer.readableBytesView.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            if fields[name] == nil { fields[name] = value }
        }
        return FormBody(fields: fields)
    }

    private static func decode(_ bytes: some Collection<UInt8>) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex else { throw .malformed }
                let low = bytes.index(after: high)
                guard low != bytes.endIndex, let h = hexValue(bytes[high]), let l = hexValue(bytes[low]) else { throw .malformed }
                out.append(h << 4 | l)
                index = bytes.index(after: low)
                continue
            }
            out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .malformed }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
