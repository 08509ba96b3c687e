import DoctorRun
import Testing

@Suite struct TargetResolverTests {
    func resolver(env: [String: String] = [:], dotEnv: String? = nil) -> TargetResolver {
        TargetResolver(environment: env) { dotEnv }
    }

    @Test func precedenceFlagThenEnvThenDotEnvThenDefault() {
        let dot = "MONGODB_URI=mongodb://dotenv-host/\n"
        #expect(resolver(env: ["MONGODB_URI": "mongodb://env"], dotEnv: dot).resolve(flag: "mongodb://flag")
            == .init(uri: "mongodb://flag", source: "--uri"))
        #expect(resolver(env: ["MONGODB_URI": "mongodb://env"], dotEnv: dot).resolve(flag: nil)
            == .init(uri: "mongodb://env", source: "MONGODB_URI"))
        #expect(resolver(dotEnv: dot).resolve(flag: nil) == .init(uri: "mongodb://dotenv-host/", source: ".env"))
        #expect(resolver().resolve(flag: nil) == .init(uri: "mongodb://localhost:27017", source: "default"))
        #expect(resolver(env: ["MONGODB_URI": ""]).resolve(flag: nil).source == "default")
    }

    @Test("dotenv lines", arguments: [
        ("MONGODB_URI=mongodb://a/", "mongodb://a/"),
        ("MONGODB_URI=\"mongodb://u:p@b/?x=1\"", "mongodb://u:p@b/?x=1"),
        ("MONGODB_URI='mongodb://c/' # note", "mongodb://c/"),
        ("export MONGODB_URI=mongodb://d/", "mongodb://d/"),
        ("  MONGODB_URI = mongodb://e/ # comment", "mongodb://e/"),
        ("MONGODB_URI=mongodb://f/\r\nOTHER=1\nMONGODB_URI=mongodb://g/", "mongodb://g/"),
        ("# MONGODB_URI=mongodb://commented/\nMONGODB_URI_OLD=mongodb://h/", nil),
        ("MONGODB_URI=", nil),
    ] as [(String, String?)])
    func dotEnv(text: String, expected: String?) {
        #expect(TargetResolver.dotEnvValue(named: "MONGODB_URI", in: text) == expected)
    }
}
