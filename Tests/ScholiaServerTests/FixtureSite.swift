import Foundation

/// A small site in a temporary folder: the repository's theme, `site.yml` and two documents.
struct FixtureSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    /// Without `theme`, the site has no `Templates/`: it is served with the built-in theme.
    init(baseURL: String = "https://example.org/", extra: [String: String] = [:], theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if theme {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        }
        try write("site.yml", "title: Fixture\nbase_url: \(baseURL)\n")
        try write("Content/documents/first.md", Self.document(title: "First Letter", text: "Text of the first letter."))
        try write("Content/documents/second.md", Self.document(title: "Second Letter", text: "Text of the second letter."))
        for (path, contents) in extra { try write(path, contents) }
    }

    static func document(title: String, text: String) -> String {
        "---\ntitle: \(title)\ndate: 2013-05-07\n---\n\n\(text)\n"
    }

    /// Writes through a temporary file and a rename, as editors do, so that no build reads half a file.
    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url, options: .atomic)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
