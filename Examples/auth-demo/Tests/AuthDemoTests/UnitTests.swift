@testable import AuthDemo
import DoctorRun
import Foundation
import Hummingbird
import NIOCore
import Testing

@Suite("LoginThrottle")
struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    /// One failed attempt: let through, then counted.
    func fail(_ throttle: inout LoginThrottle, _ key: String, at now: Date) {
        #expect(throttle.begin(key, now: now) == .proceed)
        throttle.finish(key, .failed, now: now)
    }

    @Test(arguments: [(4, Optional<Int>.none), (5, 60)])
    func refusesAfterTheLimit(failures: Int, retryAfter: Int?) {
        var throttle = LoginThrottle()
        for _ in 0..<failures { fail(&throttle, "alice", at: t0) }
        let expected: LoginThrottle.Decision = retryAfter.map { .refuse(retryAfter: $0) } ?? .proceed
        #expect(throttle.begin("alice", now: t0) == expected)
        #expect(throttle.begin("bob", now: t0) == .proceed)
    }

    @Test func theWindowSlides() {
        var throttle = LoginThrottle()
        for second in 0..<5 { fail(&throttle, "alice", at: t0 + Double(second * 10)) }
        #expect(throttle.begin("alice", now: t0 + 45) == .refuse(retryAfter: 15))
        fail(&throttle, "alice", at: t0 + 60)
        #expect(throttle.begin("alice", now: t0 + 61) == .refuse(retryAfter: 9))
        #expect(throttle.begin("alice", now: t0 + 200) == .proceed)
        throttle.finish("alice", .abandoned, now: t0 + 200)
        #expect(throttle.trackedCount == 0)
    }

    @Test func successForgets() {
        var throttle = LoginThrottle()
        for _ in 0..<4 { fail(&throttle, "alice", at: t0) }
        #expect(throttle.begin("alice", now: t0) == .proceed)
        throttle.finish("alice", .succeeded, now: t0)
        #expect(throttle.trackedCount == 0)
        for _ in 0..<4 { fail(&throttle, "alice", at: t0) }
        #expect(throttle.begin("alice", now: t0) == .proceed)
    }

    /// Attempts racing in parallel count while they run: no more than the limit check a password at once.
    @Test func attemptsInProgressCount() {
        var throttle = LoginThrottle()
        fail(&throttle, "alice", at: t0)
        for _ in 0..<4 { #expect(throttle.begin("alice", now: t0) == .proceed) }
        #expect(throttle.begin("alice", now: t0) == .refuse(retryAfter: 1))
        throttle.finish("alice", .abandoned, now: t0)
        #expect(throttle.begin("alice", now: t0) == .proceed)
        for _ in 0..<4 { throttle.finish("alice", .failed, now: t0) }
        #expect(throttle.begin("alice", now: t0) == .refuse(retryAfter: 60))
    }

    @Test func theTableIsBounded() {
        var throttle = LoginThrottle(capacity: 100)
        for index in 0..<1000 { fail(&throttle, "user\(index)", at: t0 + Double(index) / 1000) }
        #expect(throttle.trackedCount == 100)
        // Expired entries go first: names added after the window do not compete with the old ones.
        for index in 0..<5 { fail(&throttle, "late\(index)", at: t0 + 120) }
        #expect(throttle.trackedCount == 5)
    }
}

@Suite("OriginCheck")
struct OriginCheckTests {
    @Test(arguments: [
        (String?.none, String?.none, String?("127.0.0.1:4321"), OriginCheck.Verdict.allowed),
        ("http://127.0.0.1:4321", nil, "127.0.0.1:4321", .allowed),
        ("http://LOCALHOST:4321", nil, "localhost:4321", .allowed),
        ("https://example.com", nil, "example.com", .allowed),
        ("https://example.com", nil, "example.com:443", .allowed),
        ("http://example.com:80", nil, "example.com", .allowed),
        (nil, "http://127.0.0.1:4321/login?x=1", "127.0.0.1:4321", .allowed),
        ("http://[::1]:4321", nil, "[::1]:4321", .allowed),
        ("http://evil.example", nil, "127.0.0.1:4321", .crossSite),
        ("http://127.0.0.1:4322", nil, "127.0.0.1:4321", .crossSite),
        ("null", nil, "127.0.0.1:4321", .crossSite),
        ("", nil, "127.0.0.1:4321", .crossSite),
        ("ftp://127.0.0.1:4321", nil, "127.0.0.1:4321", .crossSite),
        ("http://evil.example", "http://127.0.0.1:4321/", "127.0.0.1:4321", .crossSite),
        (nil, "http://evil.example/page", "127.0.0.1:4321", .crossSite),
        ("http://127.0.0.1:4321", nil, nil, .crossSite),
        ("http://127.0.0.1:4321", nil, "127.0.0.1:4321/evil", .crossSite),
    ])
    func verdict(origin: String?, referer: String?, host: String?, expected: OriginCheck.Verdict) {
        #expect(OriginCheck().verdict(origin: origin, referer: referer, host: host) == expected)
    }
}

@Suite("FormBody and SessionCookie")
struct FormAndCookieTests {
    @Test(arguments: [
        ("username=alice&password=p%40ss+word", ["username": "alice", "password": "p@ss word"]),
        ("username=%C3%A9&password=", ["username": "é", "password": ""]),
        ("username=first&username=second", ["username": "first"]),
        ("&&flag&a=b=c", ["flag": "", "a": "b=c"]),
        ("", [:]),
    ])
    func parses(body: String, expected: [String: String]) throws {
        #expect(try FormBody.parse(ByteBuffer(string: body)).fields == expected)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%ff", "%c3=x"])
    func refusesMalformed(body: String) {
        #expect(throws: FormBody.Failure.malformed) { try FormBody.parse(ByteBuffer(string: body)) }
    }

    /// One `Cookie` header value: the first `auth_session` pair decides; blanks around names and values
    /// do not count; a value outside `[A-Za-z0-9._-]` (or too long) is malformed; no pair is nil.
    @Test(arguments: [
        ("auth_session=abc.def", SessionCookie.Presence?.some(.token("abc.def"))),
        ("theme=dark; auth_session=abc_DEF-09; lang=en", .token("abc_DEF-09")),
        ("theme=dark;auth_session=abc", .token("abc")),
        (" \tauth_session \t= \tabc\t ; x=1", .token("abc")),
        ("auth_session=first; auth_session=second", .token("first")),
        ("x_auth_session=abc; auth_sessionx=abc", nil),
        ("auth_session=a=b", .malformed),
        ("auth_session=", .malformed),
        ("auth_session=a b", .malformed),
        ("auth_session=\"abc\"", .malformed),
        ("auth_session=é", .malformed),
        ("auth_session=\u{00A0}abc", .malformed),
        ("auth_session=" + String(repeating: "a", count: SessionCookie.maximumValueLength), .token(String(repeating: "a", count: SessionCookie.maximumValueLength))),
        ("auth_session=" + String(repeating: "a", count: SessionCookie.maximumValueLength + 1), .malformed),
        ("auth_session", nil),
        ("=;;=", nil),
        ("", nil),
        (String(repeating: ";", count: 1000), nil),
    ])
    func sessionCookieInAHeader(header: String, expected: SessionCookie.Presence?) {
        #expect(SessionCookie.presence(inHeader: header) == expected)
    }

    @Test func cookieAttributes() {
        let expiry = Date(timeIntervalSince1970: 1_800_000_000)
        let set = SessionCookie(secure: true).setting("abc.def", expiresAt: expiry)
        #expect(set.name == "auth_session")
        #expect(set.value == "abc.def")
        #expect(set.httpOnly && set.secure && set.sameSite == .lax && set.path == "/")
        #expect(set.expires == expiry)
        let clear = SessionCookie(secure: false).clearing()
        #expect(clear.value.isEmpty && clear.maxAge == 0 && !clear.secure)
    }
}

@Suite("StoreChoice")
struct StoreChoiceTests {
    func resolver(env: [String: String] = [:], dotEnv: String? = nil) -> TargetResolver {
        TargetResolver(environment: env) { dotEnv }
    }

    @Test func theDefaultIsSQLite() throws {
        #expect(try StoreChoice.resolve(store: nil, uri: nil, database: nil, resolver: resolver()) == .sqlite(path: "auth.db"))
        #expect(try StoreChoice.resolve(store: "sqlite:/tmp/x.db", uri: nil, database: nil, resolver: resolver(env: ["MONGODB_URI": "mongodb://h"])) == .sqlite(path: "/tmp/x.db"))
    }

    @Test func mongoFromFlagsEnvironmentAndDotEnv() throws {
        let fromFlag = try StoreChoice.resolve(store: nil, uri: "mongodb://a/x", database: nil, resolver: resolver(env: ["MONGODB_URI": "mongodb://b"]))
        #expect(fromFlag == .mongo(.init(uri: "mongodb://a/x", source: "--uri"), database: nil, users: "users", sessions: "sessions"))
        let fromEnv = try StoreChoice.resolve(store: nil, uri: nil, database: "app", resolver: resolver(env: ["MONGODB_URI": "mongodb://b"]))
        #expect(fromEnv == .mongo(.init(uri: "mongodb://b", source: "MONGODB_URI"), database: "app", users: "users", sessions: "sessions"))
        let fromDotEnv = try StoreChoice.resolve(store: nil, uri: nil, database: nil, resolver: resolver(dotEnv: "export MONGODB_URI=\"mongodb://c\"\n"))
        #expect(fromDotEnv == .mongo(.init(uri: "mongodb://c", source: ".env"), database: nil, users: "users", sessions: "sessions"))
        let fromStore = try StoreChoice.resolve(store: "mongodb+srv://d", uri: nil, database: nil, resolver: resolver())
        #expect(fromStore == .mongo(.init(uri: "mongodb+srv://d", source: "--store"), database: nil, users: "users", sessions: "sessions"))
    }

    @Test(arguments: [
        ("sqlite:", String?.none, String?.none),
        ("sqlite:a.db", "mongodb://h", nil),
        ("postgres://user:secret@h/db", nil, nil),
        ("sqlite:a.db", nil, "app"),
    ])
    func refuses(store: String, uri: String?, database: String?) {
        #expect(throws: StoreChoice.Invalid.self) { try StoreChoice.resolve(store: store, uri: uri, database: database, resolver: resolver()) }
        do { _ = try StoreChoice.resolve(store: store, uri: uri, database: database, resolver: resolver()) } catch { #expect(!error.description.contains("secret")) }
    }
}
