public import AuthStore
public import Hummingbird

/// The per-request context: Hummingbird's core storage plus the signed-in session, which
/// `SessionMiddleware` sets and the protected routes read.
public struct DemoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The live session and its user, when the cookie named one.
    public var signedIn: ValidatedSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        signedIn = nil
    }

    /// Form bodies are small: anything bigger is refused with 413 before it is read.
    public var maxUploadSize: Int { FormBody.maximumBytes }
}
