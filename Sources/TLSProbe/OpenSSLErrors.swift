import COpenSSL

/// Reading OpenSSL's per-thread error queue.
enum OpenSSLErrors {
    /// Empties the queue, so that the next failure's errors are the only ones in it.
    static func clear() {
        ERR_clear_error()
    }

    /// The first queued error code (0 when the queue is empty), leaving it queued.
    static func firstCode() -> UInt {
        ERR_peek_error()
    }

    /// The reason part of an error code (e.g. SSL_R_WRONG_VERSION_NUMBER).
    static func reason(of code: UInt) -> Int32 {
        md_err_get_reason(code)
    }

    /// OpenSSL's text for the reason of `code` ("wrong version number"), or its packed form.
    static func reasonText(of code: UInt) -> String {
        if let text = ERR_reason_error_string(code) { return String(cString: text) }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text of the first queued error, or `fallback` when the queue is empty; then clears the queue.
    static func drainText(fallback: String) -> String {
        let code = firstCode()
        defer { clear() }
        return code == 0 ? fallback : reasonText(of: code)
    }
}
