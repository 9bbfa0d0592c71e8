import Foundation

/// Documents as an earlier build read them, by file, each with the fingerprint of what it was read from.
/// `serve` keeps one in memory between rebuilds; `scholia build` keeps one in `.scholia-cache/documents`
/// (without transcripts, read again only for pages that are made again), so that a change to one document
/// reads and parses that document only.
public final class DocumentCache: @unchecked Sendable {
    private struct Entry: Codable {
        var key: UInt64
        var document: LoadedDocument?
        var diagnostics: DiagnosticList
    }

    private var entries: [String: Entry] = [:]
    /// Whether anything was stored or forgotten since the cache was read: if not, there is nothing to save.
    private var changed = false
    /// How many documents were stored (read anew) since the cache was made.
    var storeCount: Int { lock.withLock { stores } }
    private var stores = 0
    private let lock = NSLock()

    static let fileName = "documents"

    /// The first line: Scholia's version and a fingerprint of the rest, so that a cache cut short or edited is
    /// not trusted.
    private static func header(for json: Data) -> Data {
        var check = Fingerprint()
        check.add(json)
        return Data("scholia-documents \(ScholiaVersion.current) \(check.hex)\n".utf8)
    }

    public init() {}

    func result(for path: String, key: UInt64) -> (LoadedDocument?, DiagnosticList)? {
        lock.withLock { entries[path].flatMap { $0.key == key ? ($0.document, $0.diagnostics) : nil } }
    }

    func store(_ result: (LoadedDocument?, DiagnosticList), for path: String, key: UInt64) {
        lock.withLock {
            entries[path] = Entry(key: key, document: result.0, diagnostics: result.1)
            changed = true
            stores += 1
        }
    }

    /// Forgets deleted documents.
    func keep(only paths: Set<String>) {
        lock.withLock {
            let kept = entries.filter { paths.contains($0.key) }
            if kept.count != entries.count { changed = true }
            entries = kept
        }
    }

    /// The cache a build left in `folder`; a missing, broken or foreign one is an empty cache.
    static func read(from folder: URL) -> DocumentCache {
        let cache = DocumentCache()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let newline = data.firstIndex(of: 0x0A) else { return cache }
        let json = Data(data[(newline + 1)...])
        guard data[...newline] == header(for: json),
              let entries = try? JSONDecoder().decode([String: Entry].self, from: json) else { return cache }
        cache.entries = entries
        return cache
    }

    func save(to folder: URL) {
        guard let json = lock.withLock({ changed ? try? JSONEncoder().encode(entries) : nil }) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Self.header(for: json) + json).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }
}
