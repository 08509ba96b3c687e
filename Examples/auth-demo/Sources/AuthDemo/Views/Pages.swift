/// What every page's layout shows: the title, who is signed in, and where the accounts live.
public struct PageChrome: Sendable {
    /// The `<title>` and heading context.
    public var title: String
    /// The signed-in username, for the top bar.
    public var username: String?
    /// `SQLite auth.db`, `MongoDB auth`.
    public var storeLabel: String
    /// The session token format (`split`, `lucia-v3`, `sha256`).
    public var sessionFormat: String
}

/// `GET /login` and `GET /signup`, and their answers to a failed post.
public struct CredentialsPage: Sendable {
    /// The layout's values.
    public var chrome: PageChrome
    /// The username typed before (never the password).
    public var username: String
    /// The message above the form ("Invalid username or password").
    public var error: String?
    /// The rules listed under the heading (sign-up only).
    public var rules: [String]
}

/// `GET /dashboard`.
public struct DashboardPage: Sendable {
    /// The layout's values.
    public var chrome: PageChrome
    /// The user's name.
    public var username: String
    /// The user's id.
    public var userID: String
    /// The session's fingerprint (8 hex characters of SHA-256 of the stored id; not a credential).
    public var fingerprint: String
    /// When the session expires, in words.
    public var expires: String
    /// How many live sessions the user has.
    public var sessionCount: Int
    /// Whether this request extended the session.
    public var extended: Bool
}

/// A page that only says something: errors (401, 403, 404, 413, 429, 503) and notices.
public struct MessagePage: Sendable {
    /// The layout's values.
    public var chrome: PageChrome
    /// The HTTP status, shown small.
    public var status: Int
    /// The heading.
    public var heading: String
    /// The explanation.
    public var message: String
    /// Where to go next.
    public var linkHref: String
    /// The link's text.
    public var linkLabel: String
}
