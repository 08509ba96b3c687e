extension MongoError {
    /// A reason libmongoc gives in a fixed phrase of its message, in our words.
    struct Reason: Sendable {
        /// The fixed phrase of libmongoc 1.23's message (never a value it quotes).
        var phrase: String
        /// What it means, in our words.
        var words: String
    }

    /// The fixed phrases a server-selection or stream message carries, in the order they are looked for.
    /// Only these words leave the message: the rest of it may quote a host, a user or a password.
    static let reasons: [Reason] = [
        Reason(phrase: Phrase.connectionRefused, words: "the connection was refused"),
        Reason(phrase: Phrase.connectionTimeout, words: "the connection attempt timed out"),
        // A pool's monitor says only this, for a refused and a timed-out connect alike.
        Reason(phrase: Phrase.failedToConnect, words: "no connection could be made"),
        Reason(phrase: Phrase.socketTimeout, words: "the server did not answer in time"),
        Reason(phrase: Phrase.connectionClosed, words: "the server closed the connection"),
        Reason(phrase: Phrase.failedToResolve, words: "the host name does not resolve"),
        Reason(phrase: Phrase.srvRecord, words: "the SRV record could not be read"),
        Reason(phrase: Phrase.authenticationFailed, words: "authentication failed"),
        Reason(phrase: Phrase.certificateExpired, words: "the server's certificate has expired"),
        Reason(phrase: Phrase.certificateVerifyFailed, words: "the server's certificate is not trusted"),
        Reason(phrase: Phrase.hostnameMismatch, words: "the server's certificate does not name this host"),
        Reason(phrase: Phrase.tlsHandshakeFailed, words: "the TLS handshake failed"),
        Reason(phrase: Phrase.wireVersion, words: "the server is too old for this driver"),
    ]

    /// The reason in our words, when the message carries one of ``reasons``' phrases.
    var reasonInWords: String? {
        Self.reasons.first { rawMessage.contains($0.phrase) }?.words
    }

    /**
     The error in words, with its codes and never its message, so it may be shown anywhere:
     `the connection failed (MongoError 2/4)`, `no server could be selected: the connection was
     refused (MongoError 15/13053)`, `the server refused the command (MongoError 17/2)`.

     For a server-selection or stream error the reason is added when libmongoc's message names one
     in a fixed phrase (``reasons``); nothing else of the message is used.
     */
    public var summary: String {
        let why = reasonInWords.map { ": \($0)" } ?? ""
        switch domain {
        case Domain.stream: return "the connection failed\(why) (\(self))"
        case Domain.serverSelection: return "no server could be selected\(why) (\(self))"
        case Domain.client where isAuthenticationFailure: return "authentication failed (\(self))"
        case Domain.server: return "the server refused the command (\(self))"
        case Domain.writeConcern: return "the server did not confirm the write concern (\(self))"
        default: return "\(self)"
        }
    }
}
