// libFuzzer target `password-hash`: PasswordHashing's parsers for every stored format AuthStore reads
// (argon2id/i/d PHC, scrypt `s2:` and two-part, bcrypt), parse only: no hash is ever computed here.
// Built and run by scripts/fuzz; not a SwiftPM target.
@testable import PasswordHashing

let floor = Argon2Parameters.lucia

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let stored = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch PasswordHashFormat.detect(stored) {
    case .argon2id, .argon2i, .argon2d:
        if let phc = try? Argon2PHC(stored) { _ = phc.meets(floor) }
    case .scryptS2:
        if let parsed = try? Scrypt.parse(stored, prefixed: true) { _ = parsed.saltIsHex32 }
    case .scryptTwoPart:
        if let parsed = try? Scrypt.parse(stored, prefixed: false) { _ = parsed.saltIsHex32 }
    case .bcrypt:
        _ = stored.utf8.count == Bcrypt.hashLength  // the only check before libxcrypt, which would hash
    case nil:
        break
    }
    // Every parser on every input, whatever its prefix.
    _ = try? Argon2PHC(stored)
    _ = try? Scrypt.parse(stored, prefixed: false)
    _ = try? Scrypt.parse(stored, prefixed: true)
    _ = Hex.decode(stored.utf8)
    return 0
}
