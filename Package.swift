// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "magrelax",
    products: [
        .executable(name: "magrelax", targets: ["magrelax"]),
        // For the fuzz package in Fuzz/, which depends on this one by path.
        .library(name: "MagRelaxAssets", targets: ["MagRelaxAssets"]),
        .library(name: "MagRelaxCore", targets: ["MagRelaxCore"]),
        .library(name: "MagRelaxStore", targets: ["MagRelaxStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.3.3"),
    ],
    targets: [
        // The catalogue JSON, embedded in the binary so it runs alone from any folder.
        .target(
            name: "MagRelaxAssets",
            path: "Assets",
            exclude: ["README.md"],
            sources: ["EmbeddedAssets.swift"],
            resources: [
                .embedInCode("sources.json"),
                .embedInCode("foods.json"),
                .embedInCode("forms.json"),
                .embedInCode("symptoms.json"),
                .embedInCode("breathing.json"),
                .embedInCode("yoga.json"),
                .embedInCode("plans.json"),
                .embedInCode("reference.json"),
            ]
        ),
        .target(name: "MagRelaxCore", dependencies: ["MagRelaxAssets"]),
        .target(name: "MagRelaxStore", dependencies: ["MagRelaxCore"]),
        .target(name: "TerminalUI"),
        .target(name: "MagRelaxApp", dependencies: ["MagRelaxCore", "TerminalUI"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        .executableTarget(
            name: "magrelax",
            dependencies: [
                "MagRelaxApp", "MagRelaxStore", "NcursesBackend", "TerminalUI", "MagRelaxAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release: the Swift runtime and FoundationEssentials linked in, so start-up maps no shared
            // Swift libraries and only the code used is resident. Not in debug: the tests link this
            // target beside the shared Testing library, which needs the shared runtime.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(configuration: .release))
            ]
        ),
        .testTarget(
            name: "MagRelaxCoreTests",
            dependencies: ["MagRelaxCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // Test helper: saves in a loop so the crash test can kill it mid-save.
        .executableTarget(name: "magrelax-crashwriter", dependencies: ["MagRelaxStore"]),
        // Release-build storage benchmark: `swift run -c release magrelax-bench`.
        .executableTarget(name: "magrelax-bench", dependencies: ["MagRelaxStore"]),
        .testTarget(
            name: "MagRelaxStoreTests",
            dependencies: [
                "MagRelaxStore", "magrelax-crashwriter",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MagRelaxAppTests",
            dependencies: [
                "MagRelaxApp", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "CustomDump", package: "swift-custom-dump"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: []),
        // The run loop and command-line pieces of the executable, with a scripted screen.
        .testTarget(name: "MagRelaxCLITests", dependencies: ["magrelax", "MagRelaxApp", "MagRelaxStore", "NcursesBackend"]),
    ]
)
