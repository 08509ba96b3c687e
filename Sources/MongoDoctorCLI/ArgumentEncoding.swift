import DoctorRun
import Foundation

/// Refuses command-line arguments that are not UTF-8 before they are parsed.
///
/// Swift turns argv into `String`s by replacing each invalid byte with U+FFFD, so a connection string or a
/// path with a stray byte would otherwise be linted, or opened, as something the user never typed.
enum ArgumentEncoding {
    /// Throws a `RunError` naming the first argument that is not UTF-8 and the offset of its first bad
    /// byte; the argument itself is not quoted (it may hold a password).
    static func validate(_ arguments: [[UInt8]]) throws(RunError) {
        for (index, bytes) in arguments.enumerated().dropFirst() {
            guard let offset = firstInvalidOffset(bytes) else { continue }
            // The argument before names where it is (`--uri`, `uri`), unless it is a value itself.
            let before = String(decoding: arguments[index - 1], as: UTF8.self)
            let named = index > 1 && before.wholeMatch(of: /-{0,2}[A-Za-z][A-Za-z-]*/) != nil
            let position = named ? "argument \(index) (after \(before))" : "argument \(index)"
            throw RunError(
                "\(position) is not valid UTF-8: byte 0x\(String(format: "%02X", bytes[offset])) at byte offset \(offset)")
        }
    }

    /// This process's arguments as the bytes the kernel passed.
    static var processArguments: [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
    }

    /// The offset of the first byte of `bytes` that does not start or continue a UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
