/// The rules `POST /signup` applies, shown on the form as they are worded here.
public enum SignupRules {
    /// Username length, in characters.
    public static let usernameLength = 3...32
    /// Password length, in characters.
    public static let passwordLength = 8...256

    /// The rules as the form lists them.
    public static let descriptions = [
        "Username: \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters: letters, digits, - and _ (case is kept, but Alice and alice are the same user).",
        "Password: \(passwordLength.lowerBound) to \(passwordLength.upperBound) characters, not your username.",
    ]

    /// The first rule `username` and `password` break, worded for the form; `nil` when they keep all.
    public static func violation(username: String, password: String) -> String? {
        let allowed = username.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        if !usernameLength.contains(username.count) || !allowed {
            return "Choose a username of \(usernameLength.lowerBound) to \(usernameLength.upperBound) letters, digits, - or _."
        }
        if !passwordLength.contains(password.count) {
            return "Choose a password of \(passwordLength.lowerBound) to \(passwordLength.upperBound) characters."
        }
        if password.lowercased() == username.lowercased() { return "Choose a password that is not your username." }
        return nil
    }
}
