// swift-tools-version: 6.1
import PackageDescription

// Release builds of the app's own code put each function in a section of its own, so the link can
// place the ones start-up runs together (see `releaseLink`).
let releaseCode: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]

// How the release magrelax is linked, for a small resident size:
// - the Swift runtime and FoundationEssentials linked in (with its two helper archives): no shared
//   Swift libraries to map, and only the code used is resident;
// - lld, with packed relative relocations (1 MB of relocation records otherwise read at every start);
// - the functions start-up and the common keys run placed first, from Benchmarks/link-order.txt
//   (Benchmarks/link-order.py writes it); a name it lacks is only laid out as before.
// Not in debug: the tests link the executable's code beside the shared Testing library, which needs
// the shared runtime.
let releaseLink: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims",
            "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Benchmarks/link-order.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
        ],
        .when(configuration: .release))
]

let package = Package(
    name: "magrelax",
    products: [
        .executable(name: "magrelax", targets: ["magrelax"]),
        // For the fuzz package in Fuzz/, which depends on this one by path.
        .library(name: "MagRelaxAssets", targets: ["MagRelaxAssets"]),
        .library(name: "MagRelaxCore", targets: ["MagRelaxCore"]),
        .library(name: "MagRelaxStore", targets: ["MagRelaxStore"]),
        // For the benchmark package in Benchmarks/ (also by path): the screens and the 10-year journal.
        .library(name: "MagRelaxApp", targets: ["MagRelaxApp"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "MagRelaxBenchData", targets: ["MagRelaxBenchData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.3.3"),
        // Lets expectNoDifference fail a Swift Testing test (without it, it only prints).
        .package(url: "https://github.com/pointfreeco/xctest-dynamic-overlay", from: "1.13.1"),
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
        .target(name: "MagRelaxCore", dependencies: ["MagRelaxAssets"], swiftSettings: releaseCode),
        .target(name: "MagRelaxStore", dependencies: ["MagRelaxCore"], swiftSettings: releaseCode),
        .target(name: "TerminalUI", swiftSettings: releaseCode),
        .target(name: "MagRelaxApp", dependencies: ["MagRelaxCore", "TerminalUI"], swiftSettings: releaseCode),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"], swiftSettings: releaseCode),
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "magrelax",
            dependencies: [
                "MagRelaxApp", "MagRelaxStore", "NcursesBackend", "TerminalUI", "MagRelaxAssets", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseCode,
            linkerSettings: releaseLink
        ),
        .testTarget(
            name: "MagRelaxCoreTests",
            dependencies: ["MagRelaxCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // Test helper: saves in a loop so the crash test can kill it mid-save.
        .executableTarget(name: "magrelax-crashwriter", dependencies: ["MagRelaxStore"]),
        // The journal and profile every benchmark measures (this one and the Benchmarks/ package).
        .target(name: "MagRelaxBenchData", dependencies: ["MagRelaxCore"]),
        // Release-build storage benchmark: `swift run -c release magrelax-bench`.
        .executableTarget(name: "magrelax-bench", dependencies: ["MagRelaxStore", "MagRelaxBenchData"]),
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
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["MagRelaxCore"]),
        // The run loop and command-line pieces of the executable, with a scripted screen.
        .testTarget(name: "MagRelaxCLITests", dependencies: ["magrelax", "MagRelaxApp", "MagRelaxStore", "NcursesBackend"]),
    ]
)
