public import AuthStore
import Foundation
import Logging

/// Everything the routes use, built once: the store, the password hasher, the login throttle, the
/// cookie settings, the views and the clock (injected in tests).
public struct DemoServices: Sendable {
    /// The users and sessions.
    public var store: DemoStore
    /// argon2id hashing and verification (on its own bounded pool).
    public var hasher: any PasswordHashingService
    /// Failed-login counting (per process).
    public var throttle: LoginThrottleGate
    /// `auth_session`'s attributes.
    public var cookie: SessionCookie
    /// Templates and stylesheet.
    public var views: Views

    /// Creates the services.
    public init(store: DemoStore, hasher: any PasswordHashingService, throttle: LoginThrottleGate = LoginThrottleGate(),
                cookie: SessionCookie = SessionCookie(secure: false), views: Views) {
        self.store = store
        self.hasher = hasher
        self.throttle = throttle
        self.cookie = cookie
        self.views = views
    }

    /// The layout's values for a page.
    func chrome(_ title: String, username: String? = nil) -> PageChrome {
        PageChrome(title: title, username: username, storeLabel: store.label, sessionFormat: store.store.tokenFormat.rawValue)
    }
}
