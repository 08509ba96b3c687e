import COpenSSL

/// Turns an X509 verify result (SSL_get_verify_result) into the failure the probe reports.
enum VerifyResultClassifier {
    /// `nil` for X509_V_OK; `expired` for 10; `hostnameMismatch` for 62/64; otherwise `untrusted`
    /// with OpenSSL's text (this includes 9, "certificate is not yet valid").
    static func failure(forVerifyCode code: Int) -> TLSProbeFailure? {
        switch Int32(clamping: code) {
        case X509_V_OK:
            return nil
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .expired
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return .hostnameMismatch
        default:
            return .untrusted(code: code, reason: reasonText(forVerifyCode: code))
        }
    }

    /// OpenSSL's text for a verify code ("self-signed certificate").
    static func reasonText(forVerifyCode code: Int) -> String {
        guard let text = X509_verify_cert_error_string(code) else { return "verify error \(code)" }
        return String(cString: text)
    }
}
