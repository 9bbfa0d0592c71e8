import Foundation
import ScholiaModel
import ScholiaLoad

/// Reads a few documents exactly as loading the whole site would, without listing or reading the rest: the loader
/// reads a site folder, so this keeps a small one in a temporary folder with the site's `site.yml` and speakers
/// (every file: what reading a document depends on) and copies the documents to read into it, under the same paths.
/// Only for a site whose `site.yml`, speakers and topics are those it was made from (`SiteSession` makes a new one
/// after any other change).
final class DocumentRereader {
    private let folder: URL
    private let site: URL
    private let includeDrafts: Bool
    /// The topics that have a file (read once, then left out of the folder: reading a document does not need them).
    let topicsWithFiles: Set<String>

    init?(site: URL, includeDrafts: Bool) {
        folder = Self.scratch.appendingPathComponent("scholia-serve-\(getpid())-\(UUID().uuidString)")
        self.site = site
        self.includeDrafts = includeDrafts
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content/documents"), withIntermediateDirectories: true)
            if let config = FileManager.default.contents(atPath: site.appendingPathComponent("site.yml").path) {
                try config.write(to: folder.appendingPathComponent("site.yml"))
            }
            for name in ["Content/speakers", "Content/topics"] {
                for path in FileTree.listFiles(under: site.appendingPathComponent(name).path) {
                    try Self.copy(name + "/" + path, from: site, to: folder)
                }
            }
            topicsWithFiles = Set(ContentLoader(siteDirectory: folder, includeDrafts: includeDrafts).load().0.topics.keys)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("Content/topics"))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
    }

    /// In memory where the system has it (`/dev/shm`): a few hundred small files written to a disk busy with other
    /// work took more than a second.
    private static var scratch: URL {
        access("/dev/shm", W_OK) == 0 ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The documents made of these files (paths relative to the site folder, all under `Content/documents/`), with the
    /// diagnostics of reading them; nil when a file cannot be copied.
    func read(_ paths: [String]) -> (LoadedContent, DiagnosticList)? {
        let documents = folder.appendingPathComponent("Content/documents")
        try? FileManager.default.removeItem(at: documents)
        do {
            try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
            for path in paths { try Self.copy(path, from: site, to: folder) }
        } catch {
            return nil
        }
        return ContentLoader(siteDirectory: folder, includeDrafts: includeDrafts).load()
    }

    private static func copy(_ path: String, from site: URL, to folder: URL) throws {
        let target = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) else {
            throw CocoaError(.fileReadUnknown)
        }
        try data.write(to: target)
    }
}
