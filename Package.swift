// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]
// The programs export none of their own symbols: every public symbol of every module (GRDB's, NIO's...)
// was in the dynamic symbol table, 42,000 of them, which the run-time's start-up scans (dladdr) and the
// loader maps: 0.7 ms of start-up (issue 28). Nothing looks them up by name.
let exportsNothing: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]

let package = Package(
    name: "careerplan",
    products: [
        .executable(name: "careerplan", targets: ["careerplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // zstd: the records' bodies packed with dictionaries trained on the file's own (issue 28).
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        // Crypto: the SHA-256 digest that binds a signature to the plan it signed.
        .target(name: "Domain", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(
            name: "Store",
            dependencies: ["Domain", "CZstd", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            resources: [.copy("Resources/services-matrix.json")],
            swiftSettings: strict
        ),
        // A state's PostgreSQL: the schema, roles, row-level security and audit triggers the server
        // enforces, and the connection (docs/postgresql.md).
        .target(
            name: "PostgresStore",
            dependencies: ["Domain", "Store", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // The synthetic caseload of the demo, `seed`, the screenshots, the benchmarks and the tests.
        .target(name: "Synthetic", dependencies: ["Domain", "Store"], swiftSettings: strict),
        .target(name: "TerminalKit", dependencies: ["CNcursesw"], swiftSettings: strict),
        // The screens and the loop; they see the caseload only through Domain's `Caseload`.
        .target(name: "App", dependencies: ["Domain", "TerminalKit"], swiftSettings: strict),
        // The screens on the demo caseload: screenshots/ and the README's key reference.
        .target(name: "Showcase", dependencies: ["App", "Domain", "Store", "Synthetic", "TerminalKit"], swiftSettings: strict),
        .executableTarget(
            name: "careerplan",
            dependencies: [
                "App", "Domain", "PostgresStore", "Showcase", "Store", "Synthetic", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: exportsNothing
        ),
        // The writer process of the stress and crash tests; not installed.
        .executableTarget(name: "StressWriter", dependencies: ["Domain", "Store", "Synthetic"], swiftSettings: strict),
        // Start-up's floor: Foundation, ncurses through TerminalKit, one painted line (scripts/bench); not installed.
        .executableTarget(name: "StartupFloor", dependencies: ["TerminalKit"], swiftSettings: strict, linkerSettings: exportsNothing),
        // The benchmarks (scripts/bench); not installed, not part of the tests.
        .executableTarget(name: "Bench", dependencies: ["App", "Domain", "PostgresStore", "Store", "Synthetic", "TerminalKit"], swiftSettings: strict),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Synthetic"], swiftSettings: strict),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "PostgresStore", "Domain", "Synthetic", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"], swiftSettings: strict),
        .testTarget(name: "AppTests", dependencies: ["App", "Domain", "Showcase", "Store", "Synthetic", "TerminalKit"], exclude: ["Golden"],
                    swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["PostgresStore", "Synthetic"], exclude: ["Golden"], swiftSettings: strict),
    ]
)
