import Foundation

/// The theme a site is built with: the built-in theme (`DefaultTheme`, the repository's `Templates/`
/// compiled into Scholia), where each file of the site's own `Templates/` takes the place of the built-in
/// file with the same path, one by one, as a Hugo site's layouts override its theme's. A site without
/// `Templates/` gets the built-in theme whole.
struct Theme: Sendable {
    enum Source: Sendable {
        /// A file of the site's `Templates/`.
        case site(URL)
        /// A file of the built-in theme, with its text.
        case builtIn(String)
    }

    struct File: Sendable {
        /// Relative to `Templates/`: `document.mustache`, `assets/scholia.css`.
        let path: String
        let source: Source
    }

    /// Every file, sorted by path.
    let files: [File]

    init(siteDirectory: URL) {
        let folder = siteDirectory.appendingPathComponent("Templates")
        var sources: [String: Source] = [:]
        for file in DefaultTheme.files { sources[file.path] = .builtIn(file.contents) }
        for path in FileTree.files(under: folder) { sources[path] = .site(folder.appendingPathComponent(path)) }
        files = sources.keys.sorted().map { File(path: $0, source: sources[$0]!) }
    }

    var templates: [File] { files.filter { $0.path.hasSuffix(".mustache") } }

    /// Files copied to `assets/` in the output, by their path under `assets/`.
    var assets: [File] { files.filter { $0.path.hasPrefix("assets/") } }

    /// The built-in theme's paths, for `scholia theme copy`.
    static var builtInPaths: [String] { DefaultTheme.files.map(\.path) }

    static func builtIn(_ path: String) -> String? { DefaultTheme.files.first { $0.path == path }?.contents }

    /// A fingerprint of the whole built-in theme. A new Scholia binary already changes the build's
    /// environment, but the theme is named here so that nothing rests on that.
    static let builtInFingerprint: UInt64 = {
        var fingerprint = Fingerprint()
        for file in DefaultTheme.files {
            fingerprint.add(file.path)
            fingerprint.add(file.contents)
        }
        return fingerprint.value
    }()
}
