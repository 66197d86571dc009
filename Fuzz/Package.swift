// swift-tools-version: 6.1
// libFuzzer targets for magrelax's file readers; a package of its own so the main package's build,
// tests and CI never compile it. Build and run with ./run.sh.
import PackageDescription

let package = Package(
    name: "magrelax-fuzz",
    dependencies: [.package(name: "magrelax", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzDriver", dependencies: ["CFuzzer"]),
        // Month files: the fast reader and the Codable path agree, and the fast one accepts nothing
        // Codable refuses.
        .executableTarget(
            name: "fuzz-month",
            dependencies: ["FuzzDriver", .product(name: "MagRelaxStore", package: "magrelax")]
        ),
        // Import: validating a backup never crashes and never accepts a journal with problems.
        .executableTarget(
            name: "fuzz-import",
            dependencies: [
                "FuzzDriver",
                .product(name: "MagRelaxStore", package: "magrelax"),
                .product(name: "MagRelaxCore", package: "magrelax"),
            ]
        ),
        // The catalogue validator, with one catalogue file replaced by the input.
        .executableTarget(
            name: "fuzz-catalogue",
            dependencies: [
                "FuzzDriver",
                .product(name: "MagRelaxCore", package: "magrelax"),
                .product(name: "MagRelaxAssets", package: "magrelax"),
            ]
        ),
        // Writes the seed corpus from the project's own types (built without the fuzzer):
        // `swift run -c release fuzz-seeds corpus`.
        .executableTarget(
            name: "fuzz-seeds",
            dependencies: [
                .product(name: "MagRelaxStore", package: "magrelax"),
                .product(name: "MagRelaxCore", package: "magrelax"),
                .product(name: "MagRelaxAssets", package: "magrelax"),
            ]
        ),
    ]
)
