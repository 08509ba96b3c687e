extension MongoError {
    /**
     The fixed phrases of libmongoc 1.23's error messages that say what failed, the one place they are
     spelled: ``summary`` turns them into words, the doctor's connection classifier into findings.

     Server-selection errors carry the stage's message in brackets (`[connection refused calling
     hello on 'h:p']`), so these are matched anywhere in ``rawMessage``.
     */
    public enum Phrase {
        /// The TCP connection was refused (nothing listening).
        public static let connectionRefused = "connection refused"
        /// The TCP connect timed out (packets dropped).
        public static let connectionTimeout = "connection timeout"
        /// A pool's monitor could not connect (refused and timed out alike).
        public static let failedToConnect = "Failed to connect to target host"
        /// Connected, but no reply came in time.
        public static let socketTimeout = "socket timeout"
        /// The server accepted the connection, then closed it.
        public static let connectionClosed = "connection closed"
        /// The host name did not resolve.
        public static let failedToResolve = "Failed to resolve"
        /// An SRV lookup failed (`Failed to look up SRV record`, `No SRV records`).
        public static let srvRecord = "SRV record"
        /// The credentials were refused.
        public static let authenticationFailed = "Authentication failed"
        /// The certificate chain is not trusted.
        public static let certificateVerifyFailed = "certificate verify failed"
        /// The certificate does not name the host.
        public static let hostnameMismatch = "hostname mismatch"
        /// The certificate has expired.
        public static let certificateExpired = "certificate has expired"
        /// The TLS handshake failed.
        public static let tlsHandshakeFailed = "TLS handshake failed"
        /// The server's wire version is outside the driver's range.
        public static let wireVersion = "reports wire version"
    }
}
