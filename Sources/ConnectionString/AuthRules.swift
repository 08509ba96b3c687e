/// Rules of the Authentication spec that the connection string alone can decide:
/// which mechanisms need or forbid a username or password, and where they authenticate.
struct AuthRules {
    /// Mechanisms whose credentials live in the `$external` database.
    private static let externalMechanisms: Set<String> = ["MONGODB-X509", "GSSAPI", "MONGODB-AWS", "MONGODB-OIDC"]
    /// Mechanisms that cannot work without a username.
    private static let needUsername: Set<String> = ["SCRAM-SHA-1", "SCRAM-SHA-256", "PLAIN", "GSSAPI"]
    private static let canonicalizeValues: Set<String> = ["true", "false", "none", "forward", "forwardAndReverse"]
    private static let oidcEnvironments: Set<String> = ["test", "azure", "gcp", "k8s"]

    let options: ParsedOptions
    let userInfo: UserInfo?

    /// Checks the rules, reporting errors to `log`.
    func check(log: inout IssueLog) {
        if options.present.contains("authSource"), options.values["authSource"] == nil {
            log.error(URIIssueID.invalid, "authSource is empty: give a database name or remove the option", at: options.positions["authSource"])
        }
        guard case let .string(mechanism) = options.values["authMechanism"] else { return }
        let at = options.positions["authMechanism"]
        let hasUser = userInfo?.username.isEmpty == false
        let hasPassword = userInfo?.password != nil
        if Self.needUsername.contains(mechanism), !hasUser {
            log.error(URIIssueID.invalid, "authMechanism=\(mechanism) needs a username in the connection string", at: at)
        }
        if case let .string(source) = options.values["authSource"], Self.externalMechanisms.contains(mechanism), source != "$external" {
            log.error(
                URIIssueID.invalid,
                "authMechanism=\(mechanism) authenticates against '$external', not authSource '\(source)'",
                at: options.positions["authSource"]
            )
        }
        let properties: [String: String]
        if case let .document(values) = options.values["authMechanismProperties"] { properties = values } else { properties = [:] }
        switch mechanism {
        case "MONGODB-X509" where hasPassword:
            log.error(URIIssueID.invalid, "authMechanism=MONGODB-X509 takes no password (the client certificate authenticates)", at: at)
        case "MONGODB-AWS" where hasUser && !hasPassword:
            log.error(URIIssueID.invalid, "authMechanism=MONGODB-AWS with a username also needs the secret access key as password", at: at)
        case "MONGODB-OIDC" where hasPassword:
            log.error(URIIssueID.invalid, "authMechanism=MONGODB-OIDC takes no password", at: at)
        case "MONGODB-OIDC":
            if let environment = properties["ENVIRONMENT"], !Self.oidcEnvironments.contains(environment) {
                log.error(
                    URIIssueID.invalid,
                    "ENVIRONMENT:\(environment) is not a MONGODB-OIDC environment (test, azure, gcp, k8s)",
                    at: options.positions["authMechanismProperties"]
                )
            }
        case "GSSAPI":
            if let value = properties["CANONICALIZE_HOST_NAME"], !Self.canonicalizeValues.contains(value) {
                log.error(
                    URIIssueID.invalid,
                    "CANONICALIZE_HOST_NAME:\(value) is not valid (none, forward, forwardAndReverse, true, false)",
                    at: options.positions["authMechanismProperties"]
                )
            }
        default:
            break
        }
    }
}
