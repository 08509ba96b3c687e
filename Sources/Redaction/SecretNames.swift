/// Which *names* mark their values as secret: configuration keys, command-line options and
/// environment variables. One list, used by every part of mongo-doctor that shows such values.
///
/// Connection strings have their own, exact rules (the password and the secret options of the
/// URI Options specification); they live with the parser in `ConnectionString`.
public enum SecretNames {
    /// Words that make a name secret when it contains one, case-insensitively
    /// (`certificateKeyFilePassword`, `--requirepass`, `MONGO_INITDB_ROOT_PASSWORD`, `--api-key`).
    public static let secretWords = ["pass", "pwd", "secret", "token", "credential", "key"]

    /// Endings that name where a secret is kept, not the secret itself (`keyFile`, `--tls-key-path`,
    /// `PGPASSFILE`): such values are paths and stay visible.
    public static let locationSuffixes = ["file", "path", "dir", "directory"]

    /// Whether a configuration key holds a secret (`net.tls.certificateKeyFilePassword`, `queryPassword`).
    /// Only the last dotted component counts.
    public static func isSecret(configKey key: String) -> Bool {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        return isSecretWord(last)
    }

    /// Whether a command-line option's value is secret (`--password`, `-p`, `--auth-token=…`).
    /// `argument` is the option as typed, with its dashes and any `=value`.
    public static func isSecret(option argument: String) -> Bool {
        guard argument.hasPrefix("-") else { return false }
        let name = argument.drop { $0 == "-" }.prefix { $0 != "=" }
        if name == "p" { return true }
        return isSecretWord(String(name))
    }

    /// Whether an environment variable holds a secret (`MONGO_INITDB_ROOT_PASSWORD`, `AWS_SESSION_TOKEN`).
    public static func isSecret(environmentName name: String) -> Bool {
        isSecretWord(name)
    }

    /// The shared rule: contains a secret word and does not end in a location suffix.
    static func isSecretWord(_ name: String) -> Bool {
        let lower = name.lowercased().filter { $0 != "_" && $0 != "-" }
        if locationSuffixes.contains(where: { lower.hasSuffix($0) }) { return false }
        return secretWords.contains { lower.contains($0) }
    }
}
