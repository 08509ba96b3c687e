@testable import AuthDemo
import AuthStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every route and status of the demo, written once and run on each store by `SQLiteRouteTests`
/// and `MongoRouteTests` through the router (`app.test(.router)`).
enum RouteScenarios {
    static let password = "correct horse battery"

    /// Public pages: health, redirects, forms, stylesheet, 404, and the headers every page carries.
    static func publicPages(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains(#"<form method="post" action="/login""#))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(!response.text.contains("<script"))
            }
            try await client.execute(uri: "/signup", method: .get) { response in
                #expect(response.status == .ok)
                for rule in SignupRules.descriptions { #expect(response.text.contains(rule.replacingOccurrences(of: "'", with: "&#39;"))) }
            }
            try await client.execute(uri: "/static/app.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains(".card"))
            }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Page not found"))
            }
        }
    }

    /// Sign-up sets the cookie and lands on the dashboard; the dashboard and `/api/me` answer with
    /// the user, never cached; a signed-in visit to the forms goes to the dashboard; login works.
    static func signUpAndSignIn(_ kind: StoreKind) async throws {
        let fixture = try await DemoFixture.make(kind)
        try await fixture.test { client in
            let response = try await client.execute(uri: "/signup", method: .post, headers: formHeaders(),
                                                    body: formBody(["username": "Alice", "password": password]))
            #expect(response.status == .found)
            #expect(response.headers[.location] == "/dashboard")
            let cookie = try #require(SetCookie(response))
            #expect(cookie.attributes["httponly"] != nil)
            #expect(cookie.attributes["samesite"] == "Lax")
            #expect(cookie.attributes["path"] == "/")
            #expect(cookie.attributes["secure"] == nil)
            let expires = try #require(cookie.attributes["expires"])
            let user = try #require(try await fixture.services.store.store.user(username: "alice"))
            let sessions = try await fixture.services.store.store.sessions(userID: user.id)
            #expect(sessions.count == 1)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let parsed = try #require(formatter.date(from: expires), "Expires=\(expires)")
            #expect(abs(parsed.timeIntervalSince(sessions[0].expiresAt)) < 1.5)
            // split: the stored id is the part before the dot; the database never holds the cookie's value.
            #expect(sessions.allSatisfy { $0.id != cookie.value && !cookie.value.hasSuffix($0.id) })
            if let path = fixture.sqlitePath {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
                let secret = try #require(cookie.value.split(separator: ".").last)
                #expect(bytes.range(of: Data(secret.utf8)) == nil)
            }

            try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(cookie.value)) { page in
                #expect(page.status == .ok)
                #expect(page.headers[.cacheControl] == "no-store")
                #expect(page.text.contains("Hello, Alice"))
                #expect(page.text.contains(user.id))
                #expect(SetCookie(page) == nil)
            }
            try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(cookie.value)) { me in
                #expect(me.status == .ok)
                #expect(me.headers[.cacheControl] == "no-store")
                #expect(me.text == #"{"id":"\#(user.id)","username":"Alice"}"#)
            }
            for form in ["/login", "/signup", "/"] {
                try await client.execute(uri: form, method: .get, headers: cookieHeaders(cookie.value)) { page in
                    #expect(page.status == .found)
                    #expect(page.headers[.location] == "/dashboard")
                }
            }
            // Sign in again (case-insensitively): a second session.
            let login = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "ALICE", "password": password]))
            #expect(login.status == .found)
            #expect(login.headers[.location] == "/dashboard")
            let second = try #require(SetCookie(login))
            #expect(second.value != cookie.value)
            #expect(try await fixture.services.store.store.sessions(userID: user.id).count == 2)
        }
    }

    /// Sign-up refusals: the rules (400) and a username taken case-insensitively (409).
    static func signUpRefusals(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            _ = try await signUp(client, "bob", password)
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("BOB", password, .conflict, "The username BOB is taken"),
                ("b", password, .badRequest, "Choose a username of 3 to 32"),
                ("bad name!", password, .badRequest, "Choose a username of 3 to 32"),
                ("carol", "short", .badRequest, "Choose a password of 8 to 256"),
                ("carol", "Carol", .badRequest, "Choose a password of 8 to 256"),
                ("carolus1", "CAROLUS1", .badRequest, "Choose a password that is not your username"),
            ]
            for (username, pass, status, message) in cases {
                let response = try await client.execute(uri: "/signup", method: .post, headers: formHeaders(),
                                                        body: formBody(["username": username, "password": pass]))
                #expect(response.status == status, "\(username)")
                #expect(response.text.contains(message), "\(username)")
                #expect(SetCookie(response) == nil)
                #expect(!response.text.contains(pass), "the password \(pass) is never echoed")
            }
        }
    }

    /// Failed logins: a wrong password and an unknown user get the same page and status.
    static func loginFailures(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            _ = try await signUp(client, "dave", password)
            let wrong = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "dave", "password": "not the password"]))
            let unknown = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                   body: formBody(["username": "nobody", "password": "not the password"]))
            for response in [wrong, unknown] {
                #expect(response.status == .badRequest)
                #expect(response.text.contains("Invalid username or password"))
                #expect(SetCookie(response) == nil)
                #expect(!response.text.contains("not the password"))
            }
            #expect(wrong.text.replacingOccurrences(of: "dave", with: "X") == unknown.text.replacingOccurrences(of: "nobody", with: "X"))
            let empty = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "dave"]))
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Invalid username or password"))
        }
    }

    /// Protected routes without a session, and cookies that name none or cannot be tokens.
    static func protectedWithoutSession(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            try await client.execute(uri: "/dashboard", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/login")
                #expect(SetCookie(response) == nil)
            }
            try await client.execute(uri: "/api/me", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text == #"{"error":"not signed in"}"#)
            }
            try await client.execute(uri: "/api/logout", method: .post, headers: formHeaders()) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/logout", method: .post, headers: formHeaders()) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("You are not signed in"))
            }
            // A well-formed token no session has, then values that cannot be tokens: all cleared, none crashes.
            let unknownSplit = String(repeating: "a", count: 24) + "." + String(repeating: "b", count: 24)
            for value in [unknownSplit, "x", String(repeating: "z", count: 5000), "%00%ff", "a b", "\"quoted\"", "é"] {
                var headers = HTTPFields()
                headers[.cookie] = "other=1; \(SessionCookie.name)=\(value); more=2"
                let response = try await client.execute(uri: "/dashboard", method: .get, headers: headers)
                #expect(response.status == .found, "\(value.prefix(20))")
                #expect(SetCookie(response)?.clears == true, "\(value.prefix(20))")
            }
            for header in ["auth_session", "=;;=", ";", "auth_session=", String(repeating: ";", count: 1000)] {
                var headers = HTTPFields()
                headers[.cookie] = header
                let response = try await client.execute(uri: "/api/me", method: .get, headers: headers)
                #expect(response.status == .unauthorized, "\(header.prefix(20))")
            }
        }
    }

    /// `POST /logout` and `POST /api/logout` delete the session and clear the cookie; the old cookie is dead.
    static func logout(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            for route in ["/logout", "/api/logout"] {
                let name = "erin" + route.filter(\.isLetter)
                let cookie = try await signUp(client, name, password)
                let response = try await client.execute(uri: route, method: .post, headers: formHeaders(cookie: cookie))
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/login")
                #expect(SetCookie(response)?.clears == true)
                try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(cookie)) { after in
                    #expect(after.status == .found)
                    #expect(after.headers[.location] == "/login")
                    #expect(SetCookie(after)?.clears == true)
                }
                try await client.execute(uri: route, method: .post, headers: formHeaders(cookie: cookie)) { again in
                    #expect(again.status == .unauthorized)
                }
            }
        }
    }

    /// Lucia's lifetime: past half its 30 days the session is extended and the cookie set again with
    /// the new expiry; past its expiry it is deleted and the cookie cleared.
    static func sessionLifetime(_ kind: StoreKind) async throws {
        let fixture = try await DemoFixture.make(kind)
        try await fixture.test { client in
            let cookie = try await signUp(client, "frank", password)
            fixture.clock.advance(16 * 86_400)
            let extended = try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(cookie))
            #expect(extended.status == .ok)
            #expect(extended.text.contains("extended"))
            let again = try #require(SetCookie(extended))
            #expect(again.value == cookie)
            let user = try #require(try await fixture.services.store.store.user(username: "frank"))
            let expiry = try #require(try await fixture.services.store.store.sessions(userID: user.id).first?.expiresAt)
            #expect(abs(expiry.timeIntervalSince(fixture.clock.read()) - 30 * 86_400) < 5)
            fixture.clock.advance(31 * 86_400)
            let expired = try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(cookie))
            #expect(expired.status == .found)
            #expect(expired.headers[.location] == "/login")
            #expect(SetCookie(expired)?.clears == true)
            #expect(try await fixture.services.store.store.sessions(userID: user.id).isEmpty)
        }
    }

    /// Every state-changing post from another site is 403; the same site (or no header) goes through.
    static func crossSite(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            let cookie = try await signUp(client, "grace", password)
            let refused: [(String?, String?)] = [
                ("http://evil.example", nil), ("null", nil), ("http://127.0.0.1:9999", nil), ("https://127.0.0.1.evil.example:4321", nil),
                (nil, "http://evil.example/login"), ("http://evil.example", "\(testOrigin)/login"),
            ]
            for route in ["/login", "/signup", "/logout", "/api/logout"] {
                for (origin, referer) in refused {
                    var headers = formHeaders(cookie: cookie, origin: origin)
                    if let referer { headers[.referer] = referer }
                    let response = try await client.execute(uri: route, method: .post, headers: headers,
                                                            body: formBody(["username": "grace", "password": password]))
                    #expect(response.status == .forbidden, "\(route) \(origin ?? "-") \(referer ?? "-")")
                    #expect(SetCookie(response) == nil)
                }
            }
            // Still signed in: no refused post logged grace out.
            try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(cookie)) { #expect($0.status == .ok) }
            var sameSiteReferer = formHeaders(origin: nil)
            sameSiteReferer[.referer] = "\(testOrigin)/login"
            for headers in [formHeaders(), formHeaders(origin: nil), sameSiteReferer] {
                let response = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                        body: formBody(["username": "grace", "password": password]))
                #expect(response.status == .found)
            }
        }
    }

    /// After 5 failures for one username within a minute: 429 with Retry-After, even for the right
    /// password and for unknown usernames; a minute later the password is checked again.
    static func bruteForce(_ kind: StoreKind) async throws {
        let fixture = try await DemoFixture.make(kind)
        try await fixture.test { client in
            _ = try await signUp(client, "heidi", password)
            for name in ["heidi", "HEIDI", "heidi", "Heidi", "heidi"] {
                let response = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                        body: formBody(["username": name, "password": "wrong password"]))
                #expect(response.status == .badRequest)
            }
            fixture.clock.advance(10)
            for pass in ["wrong password", password] {
                let response = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                        body: formBody(["username": "heidi", "password": pass]))
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "50")
                #expect(response.text.contains("Too many failed attempts"))
                #expect(SetCookie(response) == nil)
            }
            // Another username is not affected; an unknown one is throttled the same way.
            _ = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "ivan", "password": "x"]))
            for _ in 0..<4 {
                _ = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "ghost", "password": "x"]))
            }
            try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "ivan", "password": "x"])) {
                #expect($0.status == .badRequest)
            }
            _ = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "ghost", "password": "x"]))
            try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "ghost", "password": "x"])) {
                #expect($0.status == .tooManyRequests)
            }
            fixture.clock.advance(51)
            try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "heidi", "password": password])) {
                #expect($0.status == .found)
            }
        }
    }

    /// Bodies: over 8 KiB is 413 (a 1 MB field among them), not a form is 415, bad escapes 400.
    static func bodies(_ kind: StoreKind) async throws {
        try await DemoFixture.make(kind).test { client in
            let huge = String(repeating: "a", count: 1_000_000)
            for route in ["/login", "/signup"] {
                try await client.execute(uri: route, method: .post, headers: formHeaders(), body: formBody(["username": "judy", "password": huge])) {
                    #expect($0.status == .contentTooLarge)
                    #expect($0.text.contains("larger than 8 KiB"))
                }
            }
            var json = formHeaders()
            json[.contentType] = "application/json"
            try await client.execute(uri: "/login", method: .post, headers: json, body: ByteBuffer(string: #"{"username":"judy"}"#)) {
                #expect($0.status == .unsupportedMediaType)
            }
            for bad in ["username=%zz&password=x", "username=%ff%fe&password=x", "username=%"] {
                try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: ByteBuffer(string: bad)) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
            }
            try await client.execute(uri: "/login", method: .get, headers: formHeaders()) { #expect($0.status == .ok) }
        }
    }

    /// No password, hash or token in any log line or page of a whole flow.
    static func noSecretsLeak(_ kind: StoreKind) async throws {
        let fixture = try await DemoFixture.make(kind)
        let secretPassword = "s3cret-Pa55word-xyz"
        try await fixture.test { client in
            let cookie = try await signUp(client, "mallory", secretPassword)
            let user = try #require(try await fixture.services.store.store.user(username: "mallory"))
            let hash = try #require(user.hashedPassword)
            var pages: [String] = []
            pages.append(try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(cookie)).text)
            pages.append(try await client.execute(uri: "/api/me", method: .get, headers: cookieHeaders(cookie)).text)
            pages.append(try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                  body: formBody(["username": "mallory", "password": secretPassword + "!"])).text)
            let login = try await client.execute(uri: "/login", method: .post, headers: formHeaders(),
                                                 body: formBody(["username": "mallory", "password": secretPassword]))
            let second = try #require(SetCookie(login)).value
            _ = try await client.execute(uri: "/logout", method: .post, headers: formHeaders(cookie: second))
            _ = try await client.execute(uri: "/dashboard", method: .get, headers: cookieHeaders(second))
            let secrets = [secretPassword, hash, cookie, second] + [cookie, second].compactMap { $0.split(separator: ".").last.map(String.init) }
            for secret in secrets {
                for text in pages + fixture.logs.all {
                    #expect(!text.contains(secret), "a secret reached a page or log line")
                }
            }
            #expect(!fixture.logs.all.isEmpty)
        }
    }
}
