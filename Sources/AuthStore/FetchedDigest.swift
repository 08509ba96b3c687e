internal import COpenSSL

/// A message digest fetched from OpenSSL 3 once and kept for the life of the process.
///
/// OpenSSL's one-shot functions (`SHA256()`) fetch the algorithm from the default provider on every
/// call, a lookup under a lock that cost more than hashing a session secret. A fetched `EVP_MD` is
/// immutable and may be used from any thread at once (OpenSSL's "Algorithm fetching" rules), so one is
/// shared; it is never freed, as the process keeps using it until it exits.
final class FetchedDigest: @unchecked Sendable {
    /// The fetched algorithm (`EVP_MD *`), owned by this object.
    let algorithm: OpaquePointer

    private init(name: String) {
        guard let algorithm = EVP_MD_fetch(nil, name, nil) else {
            // The default provider always has SHA-256; without it no session could ever be checked.
            preconditionFailure("OpenSSL has no \(name) digest")
        }
        self.algorithm = algorithm
    }

    /// SHA-256 from the default provider.
    static let sha256 = FetchedDigest(name: "SHA256")
}
