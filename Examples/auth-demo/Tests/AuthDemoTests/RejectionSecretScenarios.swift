@testable import AuthDemo
import AuthStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 13's secret corpus on the demo's rejection paths, which `noSecretsLeak` (a whole good
/// flow) does not reach: refused sign-ups, failed logins, forged, revoked and malformed cookies,
/// malformed and oversized forms, each holding a known secret. No page, header (the sign-in's
/// own `Set-Cookie` excepted) or captured log line may contain any of them.
enum RejectionSecretScenarios {
    static func run(_ kind: StoreKind) async throws {
        let fixture = try await DemoFixture.make(kind)
        let password = "Rej3cted-Pa55word-corpus"
        let forged = "forgedtokenvalue0corpus1.secretpartcorpus22"
        try await fixture.test { client in
            var seen: [String] = []
            func record(_ response: TestResponse, allowCookie: Bool = false) {
                seen.append(response.text)
                for field in response.headers where !(allowCookie && field.name == .setCookie) {
                    seen.append("\(field.name): \(field.value)")
                }
            }
            let cookie = try await signUp(client, "oscar", password)
            let user = try #require(try await fixture.services.store.store.user(username: "oscar"))
            let hash = try #require(user.hashedPassword)
            let posts: [(String, KeyValuePairs<String, String>)] = [
                ("/signup", ["username": "OSCAR", "password": password]),
                ("/signup", ["username": "os", "password": password]),
                ("/signup", ["username": "peggy", "password": String(password.prefix(5))]),
                ("/login", ["username": "oscar", "password": password + "-wrong"]),
                ("/login", ["username": "nobody-here", "password": password]),
                ("/login", ["password": password]),
            ]
            for (route, fields) in posts {
                record(try await client.execute(uri: route, method: .post, headers: formHeaders(), body: formBody(fields)))
            }
            for raw in ["username=oscar&password=\(password)%zz", "password=\(password)&username=%ff%fe", "username=oscar&password=\(password)&" + String(repeating: "x", count: 10_000)] {
                record(try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: ByteBuffer(string: raw)))
            }
            var json = formHeaders()
            json[.contentType] = "application/json"
            record(try await client.execute(uri: "/login", method: .post, headers: json, body: ByteBuffer(string: #"{"username":"oscar","password":"\#(password)"}"#)))
            // A cross-site post with the real cookie and password.
            record(try await client.execute(uri: "/login", method: .post, headers: formHeaders(cookie: cookie, origin: "https://evil.example"),
                                            body: formBody(["username": "oscar", "password": password])))

            // Cookies: forged, malformed, the real one with the secret part changed, then revoked by logout.
            let secretPart = cookie.split(separator: ".").last.map(String.init) ?? cookie
            let altered = cookie.replacingOccurrences(of: secretPart, with: String(secretPart.reversed()))
            for value in [forged, forged + ";;==", "\"\(forged)\"", altered, String(repeating: forged, count: 200)] {
                for uri in ["/dashboard", "/api/me"] {
                    record(try await client.execute(uri: uri, method: .get, headers: cookieHeaders(value)))
                }
                record(try await client.execute(uri: "/logout", method: .post, headers: formHeaders(cookie: value)))
            }
            record(try await client.execute(uri: "/logout", method: .post, headers: formHeaders(cookie: cookie)))
            for uri in ["/dashboard", "/api/me"] {
                record(try await client.execute(uri: uri, method: .get, headers: cookieHeaders(cookie)))
            }
            let login = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: formBody(["username": "oscar", "password": password]))
            record(login, allowCookie: true)
            let second = try #require(SetCookie(login)).value

            let secrets = [password, hash, cookie, secretPart, second, forged, String(secretPart.reversed())]
                + [second].compactMap { $0.split(separator: ".").last.map(String.init) }
            let logs = fixture.logs.all
            #expect(!logs.isEmpty)
            for secret in secrets where secret.count >= 8 {
                for text in seen where text.contains(secret) {
                    Issue.record("a secret (\(secret.prefix(3))…) in a response: \(text.prefix(200))")
                }
                for line in logs where line.contains(secret) {
                    Issue.record("a secret (\(secret.prefix(3))…) in a log line: \(line.prefix(200))")
                }
            }
        }
    }
}
