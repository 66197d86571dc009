// swift-tools-version: 6.1
// In-process benchmarks (ordo-one/benchmark): rendering, keys, decoding, loading and saving, with
// allocation counts. A package of its own so the main package never builds or resolves the benchmark
// package. Run from here: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "magrelax-benchmarks",
    dependencies: [
        .package(name: "magrelax", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The app's states and keys that AppBenchmarks measures, shared with profile-app.
        .target(
            name: "AppScenarios",
            dependencies: [
                .product(name: "MagRelaxApp", package: "magrelax"),
                .product(name: "TerminalUI", package: "magrelax"),
                .product(name: "MagRelaxCore", package: "magrelax"),
                .product(name: "MagRelaxBenchData", package: "magrelax"),
            ],
            path: "Support/AppScenarios"
        ),
        // One AppBenchmarks case in a loop, for callgrind. Under Support/: the plugin runs only executables
        // whose folder sits directly in a folder named Benchmarks.
        .executableTarget(
            name: "profile-app",
            dependencies: [
                "AppScenarios", .product(name: "MagRelaxApp", package: "magrelax"),
                .product(name: "TerminalUI", package: "magrelax"),
            ],
            path: "Support/profile-app"
        ),
        // Each pane's full render, and update plus render for a typical key in each pane.
        .executableTarget(
            name: "AppBenchmarks",
            dependencies: [
                "AppScenarios", .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MagRelaxApp", package: "magrelax"),
            ],
            path: "AppBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Month files read both ways, the 10-year store opened, one month saved.
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MagRelaxStore", package: "magrelax"),
                .product(name: "MagRelaxCore", package: "magrelax"),
                .product(name: "MagRelaxBenchData", package: "magrelax"),
            ],
            path: "StoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
