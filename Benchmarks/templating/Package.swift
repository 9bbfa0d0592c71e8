// swift-tools-version:6.0
// Scholia's Mustache engine (Templating) against swift-mustache 2.1.1 on the default theme's templates.
// A package of its own, so that swift-mustache is never a dependency of Scholia; `Sources/Templating` is a
// link to the engine's own sources, so that this package needs nothing else of Scholia's.
import PackageDescription

let package = Package(
    name: "templating-bench",
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .target(name: "Templating"),
        .executableTarget(
            name: "templating-bench",
            dependencies: ["Templating", .product(name: "Mustache", package: "swift-mustache")]
        ),
    ]
)
