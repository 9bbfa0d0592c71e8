import Foundation
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// A site folder in a temporary directory, written from a dictionary of paths and contents.
struct TestSite {
    let root: URL

    init(_ files: [String: String], theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-test-\(UUID().uuidString)")
        var all = files
        if all["site.yml"] == nil { all["site.yml"] = "title: Test\nbase_url: https://example.org/\n" }
        if theme { for file in DefaultTheme.files { all["Templates/" + file.path] = file.contents } }
        for (path, contents) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    func load() -> (Site?, [Diagnostic]) {
        SiteBuilder.loadSite(BuildOptions(siteDirectory: root))
    }

    func errors() -> [String] {
        load().1.filter { $0.severity == .error }.map(\.description)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A minimal valid document with the given extra front matter lines.
func markdownDocument(title: String = "A Speech", date: String = "2013-05-07", extra: String = "", body: String = "Text.") -> String {
    "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\n\(body)\n"
}
