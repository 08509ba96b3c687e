import Foundation

/// Real certificates made with the `openssl` CLI in a fresh temporary directory.
///
/// A test CA issues the server, `other.example`, expired and not-yet-valid certificates; another
/// CA and a self-signed certificate stand apart. Keys are P-256, so generation is quick.
struct CertificateFixtures {
    /// A certificate and its key, as file paths.
    struct Pair: Sendable {
        let certificate: String
        let key: String
    }

    /// The directory holding everything; removed by `remove()`.
    let directory: String

    /// The CA that issued the server certificates.
    var caFile: String { path("ca.pem") }
    /// A CA that issued nothing the servers use.
    var otherCAFile: String { path("other-ca.pem") }
    /// CN=localhost, SAN localhost, 127.0.0.1 and ::1, issued by the test CA.
    var server: Pair { pair("server") }
    /// CN=localhost, self-signed, SAN localhost and 127.0.0.1.
    var selfSigned: Pair { pair("self-signed") }
    /// CN=other.example, SAN other.example only, issued by the test CA.
    var otherName: Pair { pair("other-name") }
    /// Like `server`, but valid only on 1 January 2020.
    var expired: Pair { pair("expired") }
    /// Like `server`, but valid only from 2099.
    var notYetValid: Pair { pair("not-yet-valid") }

    /// Makes all the certificates.
    init() throws {
        directory = FileManager.default.temporaryDirectory.path + "/tlsprobe-test-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/issued", withIntermediateDirectories: true)
        try Self.configuration(directory: directory).write(toFile: directory + "/openssl.cnf", atomically: true, encoding: .utf8)
        try Data().write(to: URL(fileURLWithPath: directory + "/index.txt"))
        try "1000\n".write(toFile: directory + "/serial", atomically: true, encoding: .utf8)

        try makeSelfSigned("ca", subject: "/CN=mongo-doctor Test CA", extensions: "v3_ca")
        try makeSelfSigned("other-ca", subject: "/CN=mongo-doctor Other CA", extensions: "v3_ca")
        try makeSelfSigned("self-signed", subject: "/CN=localhost", extensions: "self_signed")
        try makeIssued("server", subject: "/CN=localhost", extensions: "leaf_localhost", validity: ["-days", "30"])
        try makeIssued("other-name", subject: "/CN=other.example", extensions: "leaf_other", validity: ["-days", "30"])
        try makeIssued("expired", subject: "/CN=localhost", extensions: "leaf_localhost",
                       validity: ["-startdate", "200101000000Z", "-enddate", "200102000000Z"])
        try makeIssued("not-yet-valid", subject: "/CN=localhost", extensions: "leaf_localhost",
                       validity: ["-startdate", "20990101000000Z", "-enddate", "20991231000000Z"])
    }

    /// A path inside the fixture directory.
    func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// Deletes the directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func pair(_ name: String) -> Pair {
        Pair(certificate: path("\(name).pem"), key: path("\(name).key"))
    }

    private func makeSelfSigned(_ name: String, subject: String, extensions: String) throws {
        try OpenSSLTool.run([
            "req", "-x509", "-config", "openssl.cnf", "-extensions", extensions,
            "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "3650", "-subj", subject,
        ], in: directory)
    }

    /// A CSR signed with `openssl ca`, which (unlike `x509 -req` in OpenSSL 3.0) takes explicit dates.
    private func makeIssued(_ name: String, subject: String, extensions: String, validity: [String]) throws {
        try OpenSSLTool.run([
            "req", "-new", "-config", "openssl.cnf",
            "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject,
        ], in: directory)
        try OpenSSLTool.run([
            "ca", "-batch", "-notext", "-config", "openssl.cnf", "-extensions", extensions,
            "-in", "\(name).csr", "-out", "\(name).pem",
        ] + validity, in: directory)
    }

    /// A self-contained configuration for `req` and `ca` (the system openssl.cnf is not used).
    private static func configuration(directory: String) -> String {
        """
        [ req ]
        distinguished_name = req_dn
        prompt = no
        [ req_dn ]
        CN = placeholder
        [ ca ]
        default_ca = test_ca
        [ test_ca ]
        dir = \(directory)
        database = $dir/index.txt
        new_certs_dir = $dir/issued
        certificate = $dir/ca.pem
        private_key = $dir/ca.key
        serial = $dir/serial
        default_md = sha256
        default_days = 30
        policy = policy_any
        unique_subject = no
        copy_extensions = none
        [ policy_any ]
        commonName = supplied
        [ v3_ca ]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ self_signed ]
        basicConstraints = CA:FALSE
        subjectAltName = DNS:localhost, IP:127.0.0.1
        [ leaf_localhost ]
        basicConstraints = CA:FALSE
        authorityKeyIdentifier = keyid
        subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
        [ leaf_other ]
        basicConstraints = CA:FALSE
        authorityKeyIdentifier = keyid
        subjectAltName = DNS:other.example

        """
    }
}
