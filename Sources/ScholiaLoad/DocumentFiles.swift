import Foundation
import ScholiaModel

/// A site's document files by their path from the site folder (`Content/documents/NAME.md`): as a load listed them, or
/// looked up one at a time among the files the last build found (`scholia build` after an edit of a few documents,
/// whose files are otherwise those of the last build: listing 100,000 of them again cost a second).
package struct DocumentFiles: Sendable {
    private enum Source {
        case listed([String: DocumentLoader.File])
        /// The documents' folder (a full path ending with a slash), and whether a file is there, by its path from the site folder.
        case lookedUp(root: String, isPresent: @Sendable (String) -> Bool)
    }
    private let source: Source

    /// The files of a listing, by their display path (the first of one path).
    init(_ listed: [DocumentLoader.File]) {
        source = .listed(Dictionary(listed.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The documents among the files of `siteDirectory` that `isPresent` knows, found as `ContentLoader` lists them: a
    /// `.md` or `.txt` with, beside it, the sidecar `NAME.yml` of a `.txt` and the annotations `NAME.notes.yml`. Only
    /// for files that a load found without error (no two documents of one name, no sidecar alone).
    init(siteDirectory: URL, isPresent: @escaping @Sendable (String) -> Bool) {
        source = .lookedUp(root: siteDirectory.path + "/" + Self.folder + "/", isPresent: isPresent)
    }

    static let folder = "Content/documents"

    subscript(path: String) -> DocumentLoader.File? {
        switch source {
        case .listed(let listed):
            return listed[path]
        case .lookedUp(let root, let isPresent):
            guard path.hasPrefix(Self.folder + "/") else { return nil }
            let relative = path.dropFirst(Self.folder.count + 1)
            let type = ContentLoader.pathExtension(String(relative))
            guard type == "md" || type == "txt", isPresent(path) else { return nil }
            return Self.file(stem: String(relative.dropLast(type.count + 1)), extension: type, root: root) { isPresent(Self.folder + "/" + $0) }
        }
    }

    /// The document `stem.extension` of the folder `root` (a full path, ending with a slash), its sidecar files found
    /// by `has` (a path from that folder).
    static func file(stem: String, extension type: Substring, root: String, has: (String) -> Bool) -> DocumentLoader.File {
        let isPlainText = type == "txt"
        let hasSidecar = isPlainText && has(stem + ".yml")
        let hasNotes = has(stem + ".notes.yml")
        return .init(path: root + stem + "." + type, displayPath: "\(folder)/\(stem).\(type)",
                     sidecar: hasSidecar ? root + stem + ".yml" : nil, sidecarDisplayPath: hasSidecar ? "\(folder)/\(stem).yml" : nil,
                     isPlainText: isPlainText, notes: hasNotes ? root + stem + ".notes.yml" : nil,
                     notesDisplayPath: hasNotes ? "\(folder)/\(stem).notes.yml" : nil)
    }
}
