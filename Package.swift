// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Scholia",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scholia", targets: ["scholia"]),
        .library(name: "CSL", targets: ["CSL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The preview server only.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Hummingbird's own dependencies, which the preview server imports directly (its logger and service group).
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // SwiftNIO's HTTP/1 types, for the preview server's HTTP/1.0 connection handling (Hummingbird depends on it already).
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // The system libcmark (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmark", "TextLayout"]),
        // How a paragraph's HTML lines up with its plain text: written by the Markdown walk, kept in the model.
        .target(name: "TextLayout"),
        // The system Snowball stemmers (Debian: libstemmer-dev; no pkg-config file, so the module map links it).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // Full-text search: tokenizer, stemming, the static index and its query engine. Knows nothing of the site.
        .target(name: "Search", dependencies: ["CStemmer", "Fingerprinting"]),
        // The 64-bit fingerprint that says whether an output file would come out as the last build made it.
        .target(name: "Fingerprinting"),
        // The citation processor: depends on nothing but Foundation.
        .target(name: "CSL"),
        // The page template engine (Mustache): plain values in, text out.
        .target(name: "Templating"),
        // Runs the official CSL fixtures (the test harness, kept out of the CSL library's public face).
        .target(name: "CSLFixtures", dependencies: ["CSL"]),
        .executableTarget(name: "csl-suite", dependencies: ["CSL", "CSLFixtures"]),
        // The site generator, one target per stage; each depends only on the stages before it.
        // The model: plain value types (documents, speakers, transcripts, diagnostics), no I/O.
        .target(name: "ScholiaModel", dependencies: ["Fingerprinting", "TextLayout"]),
        // Load: the site folder → the model and its diagnostics (site.yml, front matter, transcripts, annotations).
        .target(name: "ScholiaLoad", dependencies: ["ScholiaModel", "Markdown", .product(name: "Yams", package: "Yams")]),
        // Resolve: cross-references, related documents, annotation links → the immutable `Site`.
        .target(name: "ScholiaResolve", dependencies: ["ScholiaModel", "ScholiaLoad"]),
        // Render: the site → output files (pages, citations, feeds, the search index). Pure: reads only the theme.
        .target(name: "ScholiaRender", dependencies: ["ScholiaModel", "ScholiaLoad", "ScholiaResolve", "CSL", "Templating", "Search", "Markdown"]),
        // Publish: output files → the output folder, atomically; the lock and the journal.
        .target(name: "ScholiaPublish", dependencies: ["ScholiaModel"]),
        // Orchestration: `build`, the preview session, `cite`, `search`, `new`; the build caches.
        .target(
            name: "ScholiaCore",
            dependencies: ["ScholiaModel", "ScholiaLoad", "ScholiaResolve", "ScholiaRender", "ScholiaPublish", "CSL", "Search"]
        ),
        // `scholia serve`: the preview server, file watching and live reload.
        .target(
            name: "ScholiaServer",
            dependencies: [
                "ScholiaCore", "ScholiaModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "scholia",
            dependencies: [
                "ScholiaCore", "ScholiaModel", "ScholiaPublish", "ScholiaServer", "Search",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TextLayout"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"], exclude: ["MustacheSpec"]),
        // Data read by path at test time, not compiled.
        .testTarget(name: "CSLTests", dependencies: ["CSL", "CSLFixtures"], exclude: ["known-failures.txt", "every-style-empty.txt", "Fixtures"]),
        .testTarget(
            name: "ScholiaCoreTests",
            dependencies: ["ScholiaModel", "ScholiaLoad", "ScholiaResolve", "ScholiaRender", "ScholiaPublish", "ScholiaCore"],
            exclude: ["Goldens"]
        ),
        // Talks to a live server over plain sockets, so it needs no HTTP client library (HummingbirdTesting would bring in TLS).
        .testTarget(name: "ScholiaServerTests", dependencies: ["ScholiaServer", "ScholiaCore", "ScholiaModel", "ScholiaLoad", "ScholiaRender"]),
        // End-to-end: runs the built `scholia` binary on fixture sites.
        .testTarget(name: "ScholiaCLITests", dependencies: ["ScholiaCore", "ScholiaModel", "ScholiaLoad", "ScholiaRender", "ScholiaPublish", "scholia"]),
    ]
)
