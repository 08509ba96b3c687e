/// Masks secrets in a process's command line and environment, by structure: the value of every
/// option whose name is secret (``SecretNames``), and the password of every URL.
public struct CommandLineRedactor: Sendable {
    /// Masks a URL-shaped argument; connection strings get `ConnectionString`'s exact rules.
    public typealias URLMasker = @Sendable (String) -> String

    private let maskURL: URLMasker

    /// A redactor that masks URLs with `maskURL` (by default, the password of any URL).
    public init(maskURL: @escaping URLMasker = URLPassword.masked) {
        self.maskURL = maskURL
    }

    /// `argv` with secrets masked: `--password pw`, `--password=pw`, `-p pw`, and URL passwords.
    public func redact(arguments argv: [String]) -> [String] {
        var result: [String] = []
        var maskNext = false
        for argument in argv {
            if maskNext {
                result.append(SecretMask.text)
                maskNext = false
            } else if argument.contains("://") {
                result.append(maskURL(argument))
            } else if SecretNames.isSecret(option: argument) {
                if let equals = argument.firstIndex(of: "=") {
                    result.append(argument[...equals] + SecretMask.text)
                } else {
                    result.append(argument)
                    maskNext = true
                }
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// `value` of the environment variable `name`, masked when the name is secret, with URL
    /// passwords masked otherwise.
    public func redact(environmentValue value: String, name: String) -> String {
        if SecretNames.isSecret(environmentName: name) { return SecretMask.text }
        return value.contains("://") ? maskURL(value) : value
    }
}
