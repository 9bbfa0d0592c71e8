import Foundation
import ScholiaModel

/// Documents as an earlier build read them, by file, each with the fingerprint of what it was read from.
/// `serve` keeps one in memory between rebuilds; `scholia build` keeps one in `.scholia-cache/documents`
/// (without transcripts, read again only for pages that are made again), so that a change to one document
/// reads and parses that document only.
package final class DocumentCache: @unchecked Sendable {
    private struct Entry: Codable {
        var key: UInt64
        var document: LoadedDocument?
        var diagnostics: DiagnosticList
    }

    private var entries: [String: Entry] = [:]
    /// Whether anything was stored or forgotten since the cache was read: if not, there is nothing to save.
    private var changed = false
    /// How many documents were stored (read anew) since the cache was made.
    package var storeCount: Int { lock.withLock { stores } }
    private var stores = 0
    private let lock = NSLock()

    static let fileName = "documents"

    /// One line of the file: a document as JSON. Lines read are kept as they are, so that saving encodes only
    /// the documents read anew.
    private struct Line: Codable {
        var path: String
        var entry: Entry
    }
    private var lines: [String: Data] = [:]

    /// The first line: Scholia's version and a fingerprint of the rest, so that a cache cut short or edited is
    /// not trusted.
    private static func header(for body: Data) -> Data {
        var check = Fingerprint()
        check.add(body)
        return Data("scholia-documents \(ScholiaVersion.current) v\(Document.codingVersion) \(check.hex)\n".utf8)
    }

    package init() {}

    func result(for path: String, key: UInt64) -> (LoadedDocument?, DiagnosticList)? {
        lock.withLock { entries[path].flatMap { $0.key == key ? ($0.document, $0.diagnostics) : nil } }
    }

    func store(_ result: (LoadedDocument?, DiagnosticList), for path: String, key: UInt64) {
        lock.withLock {
            entries[path] = Entry(key: key, document: result.0, diagnostics: result.1)
            lines[path] = nil
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
            lines = lines.filter { paths.contains($0.key) }
        }
    }

    /// The cache a build left in `folder`; a missing, broken or foreign one is an empty cache.
    package static func read(from folder: URL) -> DocumentCache {
        let cache = DocumentCache()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let newline = data.firstIndex(of: 0x0A) else { return cache }
        let body = Data(data[(newline + 1)...])
        guard data[...newline] == header(for: body) else { return cache }
        let decoded = body.split(separator: 0x0A).map { Data($0) }.parallelMap { line -> (Line, Data)? in
            (try? JSONDecoder().decode(Line.self, from: line)).map { ($0, line) }
        }
        guard decoded.allSatisfy({ $0 != nil }) else { return cache }
        for case let (line, json)? in decoded {
            cache.entries[line.path] = line.entry
            cache.lines[line.path] = json
        }
        return cache
    }

    package func save(to folder: URL) {
        let body: Data? = lock.withLock {
            guard changed else { return nil }
            let sorted = entries.sorted(by: { $0.key < $1.key })
            let encoded = sorted.parallelMap { [lines] path, entry in lines[path] ?? (try? JSONEncoder().encode(Line(path: path, entry: entry))) }
            var body = Data()
            for line in encoded {
                guard let line else { return nil }
                body += line
                body.append(0x0A)
            }
            return body
        }
        guard let body else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Self.header(for: body) + body).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }
}
