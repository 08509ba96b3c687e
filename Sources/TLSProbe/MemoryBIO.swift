import COpenSSL

/// Captures what an OpenSSL print function writes, through a memory BIO freed before returning.
enum MemoryBIO {
    /// Runs `write` against a fresh memory BIO and returns the text it wrote ("" when it failed).
    static func collect(_ write: (OpaquePointer) -> Bool) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else {
            OpenSSLErrors.clear()
            return ""
        }
        defer { BIO_free(bio) }
        guard write(bio) else {
            OpenSSLErrors.clear()
            return ""
        }
        var data: UnsafeMutablePointer<CChar>?
        let count = md_bio_mem_data(bio, &data)
        guard count > 0, let data else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }
}
