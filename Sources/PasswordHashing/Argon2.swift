internal import CArgon2
internal import COpenSSL

/// The calls into libargon2 (the reference implementation): argon2id hashing to a PHC string and
/// verification of argon2id/i/d PHC strings. Blocking and memory-hungry: run only on the hashing pool.
enum Argon2 {
    /**
     An argon2id (version 19) PHC string of `password` with a fresh random salt from `RAND_bytes`.

     - Throws: `internalFailure` when no random bytes come or libargon2 refuses the parameters.
     */
    static func hash(_ password: SecretBytes, parameters: Argon2Parameters) throws(PasswordHashError) -> String {
        guard let iterations = UInt32(exactly: parameters.iterations), let memory = UInt32(exactly: parameters.memoryKiB),
              let lanes = UInt32(exactly: parameters.parallelism), parameters.saltLength > 0, parameters.tagLength > 0
        else { throw .internalFailure("argon2 parameters out of range") }
        var salt = [UInt8](repeating: 0, count: parameters.saltLength)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else {
            throw .internalFailure("OpenSSL RAND_bytes gave no random salt")
        }
        let length = argon2_encodedlen(iterations, memory, lanes, UInt32(salt.count), UInt32(parameters.tagLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length + 1)
        let status = password.withBytes { bytes in
            argon2id_hash_encoded(
                iterations, memory, lanes, bytes.baseAddress, bytes.count,
                salt, salt.count, parameters.tagLength, &encoded, encoded.count
            )
        }
        guard status == ARGON2_OK.rawValue else {
            throw .internalFailure("libargon2 refused to hash: \(message(status))")
        }
        let end = encoded.firstIndex(of: 0) ?? encoded.endIndex
        return String(decoding: encoded[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /**
     Whether `password` matches the PHC string `stored` of `format` (argon2id, argon2i or argon2d).
     libargon2 decodes the parameters from the string and compares the tags in constant time.

     - Throws: `malformed` when libargon2 cannot decode the string or refuses its parameters;
       `internalFailure` when memory or threads fail.
     */
    static func verify(_ password: SecretBytes, against stored: String, format: PasswordHashFormat) throws(PasswordHashError) -> Bool {
        let type: Argon2_type = switch format {
        case .argon2i: Argon2_i
        case .argon2d: Argon2_d
        default: Argon2_id
        }
        let status = password.withBytes { bytes in
            argon2_verify(stored, bytes.baseAddress, bytes.count, type)
        }
        switch status {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        case ARGON2_MEMORY_ALLOCATION_ERROR.rawValue, ARGON2_THREAD_FAIL.rawValue, ARGON2_INCORRECT_PARAMETER.rawValue:
            throw .internalFailure("libargon2 could not verify: \(message(status))")
        default:
            throw .malformed("libargon2 could not read the PHC string: \(message(status))")
        }
    }

    /// libargon2's fixed text for an error code (it never quotes its input).
    private static func message(_ status: Int32) -> String {
        guard let text = argon2_error_message(status) else { return "error \(status)" }
        return String(cString: text)
    }
}
