import DoctorRun
import Foundation

/// `mongo-doctor uri -`: the connection string read on standard input (one line; the final line break is
/// dropped), for strings too long for a command line or kept out of the shell's history.
enum URIInput {
    /// More than this is not a connection string; reading stops there.
    static let maxBytes = 1 << 20

    /// Reads standard input; throws a `RunError` when it is longer than `maxBytes` or not UTF-8.
    static func read(from handle: FileHandle = .standardInput) throws(RunError) -> String {
        var bytes: [UInt8] = []
        while bytes.count <= maxBytes {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 64 << 10) } catch {
                throw RunError("cannot read the connection string on standard input: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes += chunk
        }
        guard bytes.count <= maxBytes else {
            throw RunError("the connection string on standard input is longer than \(maxBytes >> 20) MiB: that is not a connection string")
        }
        if let offset = ArgumentEncoding.firstInvalidOffset(bytes) {
            throw RunError(
                "the connection string on standard input is not valid UTF-8: byte 0x\(String(format: "%02X", bytes[offset])) at byte offset \(offset)")
        }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
