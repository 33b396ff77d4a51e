// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pharmgraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PharmGraph", targets: ["PharmGraph"]),
        // Reading files (gzip, xz, `REV:path`) into graphs and networks, and atomic writes (docs/api.md).
        .library(name: "PharmGraphIO", targets: ["PharmGraphIO"]),
        .library(name: "PharmGraphRender", targets: ["PharmGraphRender"]),
        .executable(name: "pharmgraph", targets: ["PharmGraphCLI"]),
        // libFuzzer targets; built by Scripts/fuzz with -sanitize=fuzzer,address (see docs/fuzzing.md).
        .executable(name: "pharmgraph-fuzz", targets: ["PharmGraphFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "PharmGraph",
            dependencies: [
                // For the libyaml it builds (module CYaml), whose events the loader composes itself.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLzma", providers: [.apt(["liblzma-dev"]), .brew(["xz"])]),
        .target(
            name: "PharmGraphIO",
            dependencies: ["PharmGraph", "CZlib", "CLzma"]
        ),
        .target(
            name: "PharmGraphRender",
            dependencies: ["CGraphviz"]
        ),
        // Checks DOT text written by the core against what cgraph reads back; for tests and fuzzing only.
        .target(
            name: "PharmGraphRoundTrip",
            dependencies: ["PharmGraph", "PharmGraphRender"]
        ),
        .executableTarget(
            name: "PharmGraphCLI",
            dependencies: [
                "PharmGraph",
                "PharmGraphIO",
                "PharmGraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "PharmGraphFuzz",
            dependencies: ["PharmGraph", "PharmGraphIO", "PharmGraphRender", "PharmGraphRoundTrip", "CZlib", "CLzma"]
        ),
        .target(
            name: "PharmGraphTestSupport",
            path: "Tests/Support"
        ),
        .testTarget(
            name: "PharmGraphTests",
            dependencies: [
                "PharmGraph", "PharmGraphIO", "PharmGraphTestSupport",
                // libyaml's own marks, to check our positions against.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "PharmGraphRenderTests",
            // LibraryExampleTests imports PharmGraph, PharmGraphIO and PharmGraphRender as a library user does.
            dependencies: ["PharmGraph", "PharmGraphIO", "PharmGraphRender", "PharmGraphRoundTrip", "PharmGraphTestSupport"]
        ),
        .testTarget(
            name: "PharmGraphCLITests",
            // Depending on the executable makes `swift test` build the binary the tests run.
            dependencies: ["PharmGraphCLI", "PharmGraphTestSupport"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
