import COpenSSL
import SocketKit

/// A server certificate; sole owner of its X509 reference, released on deinit.
final class PeerCertificate {
    private let pointer: OpaquePointer

    /// Takes over one reference to `pointer` (as SSL_get1_peer_certificate hands out).
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_free(pointer)
    }

    /// Subject, issuer, SANs and validity, as the report shows them.
    var info: TLSCertificateInfo {
        TLSCertificateInfo(
            subject: Self.text(of: X509_get_subject_name(pointer)),
            issuer: Self.text(of: X509_get_issuer_name(pointer)),
            subjectAltNames: subjectAltNames,
            notBefore: Self.text(of: X509_get0_notBefore(pointer)),
            notAfter: Self.text(of: X509_get0_notAfter(pointer))
        )
    }

    /// Whether the certificate names `serverName` (a host name, wildcards allowed, or an IP address).
    func names(_ serverName: String) -> Bool {
        let flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
        let result = IPAddressText.isNumeric(serverName)
            ? X509_check_ip_asc(pointer, serverName, flags)
            : X509_check_host(pointer, serverName, serverName.utf8.count, flags, nil)
        OpenSSLErrors.clear()
        return result == 1
    }

    /// The DNS and IP entries of the subjectAltName extension, in order.
    private var subjectAltNames: [String] {
        guard let names = md_x509_subject_alt_names(pointer) else {
            OpenSSLErrors.clear()
            return []
        }
        defer { md_general_names_free(names) }
        var result: [String] = []
        for index in 0..<md_general_names_count(names) {
            var length: Int32 = 0
            guard let bytes = md_general_name_bytes(names, index, &length), length > 0 else { continue }
            let raw = Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
            if md_general_name_type(names, index) == GEN_IPADD {
                if let ip = IPAddressText.text(fromBytes: raw) { result.append(ip) }
            } else {
                result.append(String(decoding: raw, as: UTF8.self))
            }
        }
        return result
    }

    /// A distinguished name on one line, RFC 2253 style.
    private static func text(of name: OpaquePointer?) -> String {
        guard let name else { return "" }
        return MemoryBIO.collect { bio in X509_NAME_print_ex(bio, name, 0, md_name_print_flags()) >= 0 }
    }

    /// A time as OpenSSL prints it ("Jan  1 00:00:00 2020 GMT").
    private static func text(of time: UnsafePointer<ASN1_TIME>?) -> String {
        guard let time else { return "" }
        return MemoryBIO.collect { bio in ASN1_TIME_print(bio, time) == 1 }
    }
}
