/// The one mask that stands in for every secret mongo-doctor withholds.
public enum SecretMask {
    /// What replaces a secret value in output: five asterisks, whatever the secret's length.
    public static let text = "*****"
}
