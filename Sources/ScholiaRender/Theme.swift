import Foundation
import ScholiaModel
import ScholiaLoad

/// The theme a site is built with: the built-in theme (`DefaultTheme`, the repository's `Templates/`
/// compiled into Scholia), where each file of the site's own `Templates/` takes the place of the built-in
/// file with the same path, one by one, as a Hugo site's layouts override its theme's. A site without
/// `Templates/` gets the built-in theme whole.
package struct Theme: Sendable {
    package enum Source: Sendable {
        /// A file of the site's `Templates/`.
        case site(URL)
        /// A file of the built-in theme, with its text.
        case builtIn(String)
    }

    package struct File: Sendable {
        /// Relative to `Templates/`: `document.mustache`, `assets/scholia.css`.
        package let path: String
        package let source: Source
    }

    /// Every file, sorted by path.
    let files: [File]

    package init(siteDirectory: URL) {
        let folder = siteDirectory.appendingPathComponent("Templates")
        var sources: [String: Source] = [:]
        for file in DefaultTheme.files { sources[file.path] = .builtIn(file.contents) }
        for path in FileTree.listFiles(under: folder.path) where FileTree.isVisible(path) { sources[path] = .site(folder.appendingPathComponent(path)) }
        files = sources.keys.sorted().map { File(path: $0, source: sources[$0]!) }
    }

    var templates: [File] { files.filter { $0.path.hasSuffix(".mustache") } }

    /// Files copied to `assets/` in the output, by their path under `assets/`.
    package var assets: [File] { files.filter { $0.path.hasPrefix("assets/") } }

    /// The built-in theme's paths, for `scholia theme copy`.
    package static var builtInPaths: [String] { DefaultTheme.files.map(\.path) }

    package static func builtIn(_ path: String) -> String? { DefaultTheme.files.first { $0.path == path }?.contents }

    /// A fingerprint of the whole built-in theme. A new Scholia binary already changes the build's
    /// environment, but the theme is named here so that nothing rests on that.
    package static let builtInFingerprint: UInt64 = {
        var fingerprint = Fingerprint()
        for file in DefaultTheme.files {
            fingerprint.add(file.path)
            fingerprint.add(file.contents)
        }
        return fingerprint.value
    }()
}
