// swift-tools-version:6.0
import PackageDescription

/// Settings every target shares: Swift 6 language mode, explicit existentials, imports that are
/// internal unless marked `public import`, and members visible only from modules a file imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mongo-doctor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mongo-doctor", targets: ["mongo-doctor"]),
        .library(name: "MongoBridge", targets: ["MongoBridge"]),
        .library(name: "DoctorCore", targets: ["DoctorCore"]),
        .library(name: "DoctorChecks", targets: ["DoctorChecks"]),
        .library(name: "ConnectionString", targets: ["ConnectionString"]),
        .library(name: "Redaction", targets: ["Redaction"]),
        .library(name: "MongodDiagnosis", targets: ["MongodDiagnosis"]),
        .library(name: "LocalMongod", targets: ["LocalMongod"]),
        .library(name: "AuthStore", targets: ["AuthStore"]),
        .library(name: "AuthStoreSQLite", targets: ["AuthStoreSQLite"]),
        .library(name: "AuthStoreMongo", targets: ["AuthStoreMongo"]),
        .library(name: "PasswordHashing", targets: ["PasswordHashing"]),
        .library(name: "Provisioning", targets: ["Provisioning"]),
        .library(name: "Setup", targets: ["Setup"]),
        .library(name: "DoctorRun", targets: ["DoctorRun"]),
        .library(name: "AuthAdmin", targets: ["AuthAdmin"]),
        .library(name: "Migration", targets: ["Migration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C shim over the system libmongoc/libbson, found with pkg-config.
        .systemLibrary(
            name: "CLibMongoC",
            pkgConfig: "libmongoc-1.0",
            providers: [.apt(["libmongoc-dev", "libbson-dev"]), .brew(["mongo-c-driver"])]
        ),
        // Thin module over the system OpenSSL (libssl/libcrypto), found with pkg-config.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // The one socket layer: numeric addresses, deadlines, non-blocking stream sockets (Glibc/Darwin only).
        .target(name: "SocketKit", swiftSettings: strictSettings),
        // TLS handshake prober for the tls stage (OpenSSL, over SocketKit's sockets).
        .target(name: "TLSProbe", dependencies: ["COpenSSL", "BlockingWork", "SocketKit"], swiftSettings: strictSettings),
        // The reference Argon2 C library (argon2id/i/d hashing and PHC verification), found with pkg-config.
        .systemLibrary(
            name: "CArgon2",
            pkgConfig: "libargon2",
            providers: [.apt(["libargon2-dev"]), .brew(["argon2"])]
        ),
        // The system libxcrypt, for crypt_rn (bcrypt verification), found with pkg-config.
        .systemLibrary(
            name: "CCrypt",
            pkgConfig: "libxcrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        // Password hashes: argon2id hashing, verification of every format a Lucia database holds
        // (argon2 PHC, scrypt s2 and two-part, bcrypt), on a bounded pool of its own.
        .target(name: "PasswordHashing", dependencies: ["CArgon2", "CCrypt", "COpenSSL", "BlockingWork"], swiftSettings: strictSettings),
        // The system resolver (libresolv) for SRV and TXT lookups.
        .systemLibrary(name: "CResolv"),
        // libc's pipe2, posix_spawn closefrom and mkostemp, which the Glibc module does not export (ChildSpawner).
        .systemLibrary(name: "CSpawn"),
        // The one set of secret rules and maskers: names that mark secrets, URL passwords, argv, free text.
        .target(name: "Redaction", swiftSettings: strictSettings),
        // Our own MongoDB connection-string parser and linter (no network, no libmongoc); the URI's secret rules.
        .target(name: "ConnectionString", dependencies: ["Redaction"], swiftSettings: strictSettings),
        // Runs blocking calls on threads of their own, off the cooperative pool.
        .target(name: "BlockingWork", swiftSettings: strictSettings),
        // The small safe Swift layer over libmongoc: BSON, clients, pool, operations, errors.
        .target(name: "MongoBridge", dependencies: ["CLibMongoC", "BlockingWork", "Redaction"], swiftSettings: strictSettings),
        // Pure model and runner of the doctor: checks, findings, fixes, reports, renderers
        // (BlockingWork only so that fixes run their file-system work off the cooperative pool).
        .target(name: "DoctorCore", dependencies: ["BlockingWork"], swiftSettings: strictSettings),
        // mongod logs explained against the failure catalog in Diagnostics/ (pure; no libmongoc).
        .target(name: "MongodDiagnosis", dependencies: ["DoctorCore", "BlockingWork", "Redaction"], swiftSettings: strictSettings),
        // Static checks of a local mongod setup: config, dbpath, lock, port, socket, log path, keyfile, limits.
        .target(
            name: "LocalMongod",
            dependencies: ["DoctorCore", "BlockingWork", "ConnectionString", "CSpawn", "Redaction", "SocketKit", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // The concrete checks, talking to the outside world through injected protocols.
        .target(
            name: "DoctorChecks",
            dependencies: ["DoctorCore", "MongoBridge", "CResolv", "ConnectionString", "Redaction", "TLSProbe", "BlockingWork", "SocketKit"],
            swiftSettings: strictSettings
        ),
        // One run of the doctor as a library call: target resolution, the local-versus-remote decision,
        // the connection ladder, the local checks and the configured log, fixes; used by every front end.
        .target(
            name: "DoctorRun",
            dependencies: ["DoctorCore", "DoctorChecks", "LocalMongod", "MongodDiagnosis", "ConnectionString", "TLSProbe"],
            swiftSettings: strictSettings
        ),
        // Thin module over the system SQLite 3, found with pkg-config.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Users and Lucia v3 sessions: value types, token formats, the session rules, the backend
        // protocol, typed errors, an in-memory backend, the AuthStore facade (no SQL, no BSON).
        .target(name: "AuthStore", dependencies: ["COpenSSL", "PasswordHashing"], swiftSettings: strictSettings),
        // AuthStore's SQLite backend (Lucia v3's DDL), its blocking calls on a BlockingThreadPool.
        .target(name: "AuthStoreSQLite", dependencies: ["AuthStore", "CSQLite", "BlockingWork"], swiftSettings: strictSettings),
        // AuthStore's MongoDB backend (Lucia v3's users and sessions collections) on MongoBridge's pool.
        .target(name: "AuthStoreMongo", dependencies: ["AuthStore", "MongoBridge", "BlockingWork"], swiftSettings: strictSettings),
        // `provision`: named, ordered, idempotent steps (collections, validators, indexes, sharding, app role
        // and user; SQLite's tables through AuthStoreSQLite), a dry run that only plans, a ledger of applied steps.
        .target(
            name: "Provisioning",
            dependencies: ["AuthStore", "AuthStoreMongo", "AuthStoreSQLite", "MongoBridge", "DoctorCore", "BlockingWork"],
            swiftSettings: strictSettings
        ),
        // `migrate`: Lucia v2 to v3 in MongoDB, and a Lucia SQLite file into MongoDB: layout detection,
        // streaming readers, a pure converter with typed skips, batched idempotent writes, verification, ledger.
        .target(
            name: "Migration",
            dependencies: ["AuthStore", "AuthStoreSQLite", "AuthStoreMongo", "MongoBridge", "Provisioning", "DoctorCore", "BlockingWork", "Redaction"],
            swiftSettings: strictSettings
        ),
        // The `users` and `sessions` admin layer: opens an AuthStore for a target (MongoDB from a resolved
        // URI, or a SQLite file), the operations as library calls with secret-free results; also the one
        // helper that opens a target's client pool (provision uses it too).
        .target(
            name: "AuthAdmin",
            dependencies: ["AuthStore", "AuthStoreMongo", "AuthStoreSQLite", "PasswordHashing", "MongoBridge", "Provisioning", "DoctorRun", "ConnectionString"],
            swiftSettings: strictSettings
        ),
        // `setup` as a library call: diagnose, plan, repair the local mongod (fixes, a config file), start it and
        // wait for hello, provision, re-check, hand the connection string over; the outside world injected.
        .target(
            name: "Setup",
            dependencies: ["DoctorCore", "DoctorRun", "DoctorChecks", "LocalMongod", "MongodDiagnosis", "Provisioning", "AuthAdmin", "ConnectionString", "BlockingWork"],
            swiftSettings: strictSettings
        ),
        // The command-line front end (argument parsing, rendering, exit codes).
        .target(
            name: "MongoDoctorCLI",
            dependencies: [
                "DoctorCore", "DoctorRun", "DoctorChecks", "MongoBridge", "ConnectionString", "Redaction", "MongodDiagnosis", "LocalMongod", "BlockingWork", "Provisioning",
                "AuthStore", "AuthAdmin", "Setup", "Migration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "mongo-doctor", dependencies: ["MongoDoctorCLI"], swiftSettings: strictSettings),
        // Benchmarks/password-hashing's helper (not a product): argon2id hash timing and the peak RSS of
        // concurrent logins through PasswordHasher.
        .executableTarget(
            name: "password-bench",
            dependencies: ["PasswordHashing"],
            path: "Benchmarks/PasswordBench",
            swiftSettings: strictSettings
        ),
        // Benchmarks/session-validation's helper (not a product): seeds users and sessions through AuthStore
        // and times concurrent validations through MongoAuthBackend or SQLiteAuthBackend (throughput, client CPU).
        .executableTarget(
            name: "authstore-bench",
            dependencies: ["AuthStore", "AuthStoreMongo", "AuthStoreSQLite", "MongoBridge", "BlockingWork"],
            path: "Benchmarks/AuthStoreBench",
            swiftSettings: strictSettings
        ),
        // The load run of issue 13 (not a product): concurrent AuthStore validations of live, expired, unknown and
        // forged tokens on MongoDB or SQLite, every answer checked, RSS and connections reported as JSON
        // (IntegrationTests' SessionLoadTests for 5 s, scripts/load for 30 s).
        .executableTarget(
            name: "authstore-load",
            dependencies: ["AuthStore", "AuthStoreMongo", "AuthStoreSQLite", "MongoBridge", "BlockingWork"],
            path: "Tests/AuthStoreLoad",
            swiftSettings: strictSettings
        ),
        // Helpers shared by the test targets only (test server discovery, temporary directories, and the
        // one set of loopback sockets: listeners, reserved refusing ports, Unix sockets), and AuthStore's
        // contract test bodies, which AuthStoreTests (memory, SQLite) and IntegrationTests (MongoDB) both run.
        .target(name: "TestSupport", dependencies: ["MongoBridge", "DoctorChecks", "DoctorCore", "TLSProbe", "AuthStore", "PasswordHashing"], path: "Tests/TestSupport", swiftSettings: strictSettings),

        .testTarget(name: "MongoBridgeTests", dependencies: ["MongoBridge", "BlockingWork", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "SocketKitTests", dependencies: ["SocketKit", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "DoctorCoreTests", dependencies: ["DoctorCore"], swiftSettings: strictSettings),
        .testTarget(name: "RedactionTests", dependencies: ["Redaction", "ConnectionString"], swiftSettings: strictSettings),
        .testTarget(name: "TLSProbeTests", dependencies: ["TLSProbe", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "LocalMongodTests", dependencies: ["LocalMongod", "DoctorCore", "BlockingWork", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "MongodDiagnosisTests", dependencies: ["MongodDiagnosis", "DoctorCore"], swiftSettings: strictSettings),
        .testTarget(name: "PasswordHashingTests", dependencies: ["PasswordHashing", "BlockingWork", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ConnectionStringTests", dependencies: ["ConnectionString"], swiftSettings: strictSettings),
        .testTarget(
            name: "DoctorChecksTests",
            dependencies: ["DoctorChecks", "DoctorCore", "MongoBridge", "TLSProbe", "ConnectionString", "Redaction", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "DoctorRunTests", dependencies: ["DoctorRun", "DoctorCore", "DoctorChecks", "LocalMongod", "MongodDiagnosis", "ConnectionString", "MongoBridge", "TLSProbe", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ProvisioningTests", dependencies: ["Provisioning", "AuthStore", "AuthStoreSQLite", "MongoBridge", "DoctorCore", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "DoctorCore", "DoctorRun", "DoctorChecks", "LocalMongod", "MongodDiagnosis", "Provisioning", "AuthStore"], swiftSettings: strictSettings),
        .testTarget(name: "MigrationTests", dependencies: ["Migration", "AuthStore", "MongoBridge", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AuthStoreTests", dependencies: ["AuthStore", "AuthStoreSQLite", "BlockingWork", "PasswordHashing", "TestSupport"], swiftSettings: strictSettings),
        // Tests that need a live test server (scripts/test starts them); every other target runs offline.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["MongoBridge", "BlockingWork", "DoctorChecks", "DoctorCore", "TLSProbe", "TestSupport", "AuthStore", "AuthStoreMongo", "PasswordHashing", "Provisioning", "Migration", "AuthStoreSQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MongoDoctorCLITests",
            dependencies: ["MongoDoctorCLI", "ConnectionString", "Redaction", "MongoBridge", "LocalMongod", "Setup", "TestSupport", "AuthStore", "AuthStoreSQLite"],
            swiftSettings: strictSettings
        ),
    ]
)
