// swift-tools-version:6.2
import Foundation
import PackageDescription

/// The settings of the main package: Swift 6 language mode, explicit existentials, imports that are
/// internal unless marked `public import`, and members visible only from modules a file imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The auth demo is its own package, so Hummingbird and SwiftNIO stay out of mongo-doctor's build.
// It uses mongo-doctor's libraries by path: AuthStore and its backends, and the target resolution,
// the authstore check and provision's rules that `mongo-doctor` itself uses.
//
// SwiftPM names a package used by path after its folder (`mongo-doctor`, or a clone's or a worktree's
// own name), so the name the products are taken from is read off the path.
let mongoDoctorRoot = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let mongoDoctor = mongoDoctorRoot.lastPathComponent.lowercased()

let package = Package(
    name: "auth-demo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "auth-demo", targets: ["auth-demo"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The web app as a library: routes, session middleware, cross-site and brute-force protection,
        // views, and opening (and refusing) a store; the executable and the tests both build it.
        .target(
            name: "AuthDemo",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AuthStore", package: mongoDoctor),
                .product(name: "AuthStoreSQLite", package: mongoDoctor),
                .product(name: "AuthStoreMongo", package: mongoDoctor),
                .product(name: "PasswordHashing", package: mongoDoctor),
                .product(name: "AuthAdmin", package: mongoDoctor),
                .product(name: "DoctorRun", package: mongoDoctor),
                .product(name: "Provisioning", package: mongoDoctor),
                .product(name: "ConnectionString", package: mongoDoctor),
                .product(name: "MongoBridge", package: mongoDoctor),
                .product(name: "DoctorCore", package: mongoDoctor),
                .product(name: "DoctorChecks", package: mongoDoctor),
                .product(name: "MongodDiagnosis", package: mongoDoctor),
                .product(name: "LocalMongod", package: mongoDoctor),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static")],
            swiftSettings: strictSettings
        ),
        // `auth-demo`: argument parsing, then the library.
        .executableTarget(
            name: "auth-demo",
            dependencies: [
                "AuthDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AuthStore", package: mongoDoctor),
                .product(name: "DoctorRun", package: mongoDoctor),
                .product(name: "PasswordHashing", package: mongoDoctor),
                .product(name: "MongoBridge", package: mongoDoctor),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AuthDemoTests",
            dependencies: [
                "AuthDemo",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AuthStore", package: mongoDoctor),
                .product(name: "AuthStoreSQLite", package: mongoDoctor),
                .product(name: "AuthStoreMongo", package: mongoDoctor),
                .product(name: "Provisioning", package: mongoDoctor),
                .product(name: "MongoBridge", package: mongoDoctor),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
