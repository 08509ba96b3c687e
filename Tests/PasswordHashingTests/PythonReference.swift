import Foundation
import Testing
import TestSupport

/// The reference implementations the tests cross-check against: Python's argon2-cffi, bcrypt and
/// hashlib.scrypt in the project's `.venv` (installed by `scripts/bootstrap --test`), run as a
/// subprocess. Passwords travel as hex in argv so no shell or encoding can alter them.
enum PythonReference {
    /// Runs `script` with `arguments` (`sys.argv[1:]`) in the `.venv` and returns its standard output, trimmed.
    static func run(_ script: String, _ arguments: [String]) throws -> String {
        try TestPython.run(script, arguments, needsVenv: true)
    }

    /// The UTF-8 bytes of `text` as hex, for argv.
    static func hex(_ text: String) -> String {
        text.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// An argon2 PHC string made by argon2-cffi's low-level API.
    static func argon2(_ password: String, type: String, iterations: Int, memoryKiB: Int, lanes: Int,
                       tagLength: Int = 32, saltLength: Int = 16, version: Int = 19) throws -> String {
        try run("""
            import sys, os
            from argon2 import low_level
            pw, kind, t, m, p, tag, salt, v = sys.argv[1:]
            print(low_level.hash_secret(bytes.fromhex(pw), os.urandom(int(salt)), int(t), int(m), int(p), int(tag),
                  {"id": low_level.Type.ID, "i": low_level.Type.I, "d": low_level.Type.D}[kind], version=int(v)).decode())
            """, [hex(password), type, "\(iterations)", "\(memoryKiB)", "\(lanes)", "\(tagLength)", "\(saltLength)", "\(version)"])
    }

    /// Whether argon2-cffi's `PasswordHasher().verify(hash, password)` accepts the pair.
    static func argon2Accepts(_ hash: String, _ password: String) throws -> Bool {
        try run("""
            import sys
            import argon2
            try:
                print(argon2.PasswordHasher().verify(sys.argv[1], bytes.fromhex(sys.argv[2])))
            except argon2.exceptions.VerifyMismatchError:
                print(False)
            """, [hash, hex(password)]) == "True"
    }

    /// A bcrypt hash from Python's `bcrypt` with the given prefix ("2a" or "2b") and cost.
    static func bcrypt(_ password: String, prefix: String, rounds: Int = 4) throws -> String {
        try run("""
            import sys, bcrypt
            print(bcrypt.hashpw(bytes.fromhex(sys.argv[1]), bcrypt.gensalt(rounds=int(sys.argv[3]), prefix=sys.argv[2].encode())).decode())
            """, [hex(password), prefix, "\(rounds)"])
    }

    /// The 128-hex scrypt key of Lucia's formats from `hashlib.scrypt` (N=16384, p=1, dkLen=64, salt as text).
    static func scryptKey(_ password: String, salt: String, blockSize: Int) throws -> String {
        try run("""
            import sys, hashlib
            print(hashlib.scrypt(bytes.fromhex(sys.argv[1]), salt=sys.argv[2].encode(), n=16384, r=int(sys.argv[3]), p=1,
                  dklen=64, maxmem=128 * 1024 * 1024).hex())
            """, [hex(password), salt, "\(blockSize)"])
    }
}
