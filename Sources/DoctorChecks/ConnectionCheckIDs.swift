public import DoctorCore

/// The check ids of the connection stages (uri, dns, tcp, tls, hello, topology, auth): API, listed in the README; never renamed silently.
extension CheckID {
    /// `auth`.
    public static let auth: CheckID = "auth"
    /// `dns`.
    public static let dns: CheckID = "dns"
    /// `hello`.
    public static let hello: CheckID = "hello"
    /// `tcp`.
    public static let tcp: CheckID = "tcp"
    /// `tls`.
    public static let tls: CheckID = "tls"
    /// `topology`.
    public static let topology: CheckID = "topology"
    /// `uri`.
    public static let uri: CheckID = "uri"
}
