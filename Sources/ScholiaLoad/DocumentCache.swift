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

    /// One record of the file: a document in the compact binary form, after its length as a varint. Records
    /// read are kept as they are, so that saving encodes only the documents read anew.
    private struct Line: Codable {
        var path: String
        var entry: Entry
    }
    private var lines: [String: [UInt8]] = [:]

    /// The file's format, part of its first line: a cache in another format (the JSON lines of before) is not read.
    static let format = "compact-1"

    /// The first line: the format, Scholia's version and a fingerprint of the rest, so that a cache cut short
    /// or edited is not trusted.
    private static func header(for body: Data) -> Data {
        var check = Fingerprint()
        check.add(body)
        return Data("scholia-documents \(format) \(ScholiaVersion.current) v\(Document.codingVersion) \(check.hex)\n".utf8)
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

    /// Forgets deleted documents (removed one by one: rebuilding the table of a large site costs more than the check).
    func keep(only paths: Set<String>) {
        lock.withLock {
            let gone = entries.keys.filter { !paths.contains($0) }
            if !gone.isEmpty { changed = true }
            for path in gone { entries[path] = nil }
            for path in lines.keys where !paths.contains(path) { lines[path] = nil }
        }
    }

    /// The cache a build left in `folder`; a missing, broken or foreign one is an empty cache.
    package static func read(from folder: URL) -> DocumentCache {
        let cache = DocumentCache()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let newline = data.firstIndex(of: 0x0A) else { return cache }
        let body = Data(data[(newline + 1)...])
        guard data[...newline] == header(for: body),
              let records = records(in: [UInt8](body)) else { return cache }
        let decoded = records.parallelMap { record in (try? CompactDocumentReader.record(record)).map { ($0, record) } }
        guard decoded.allSatisfy({ $0 != nil }) else { return cache }
        for case let (line, record)? in decoded {
            cache.entries[line.path] = Entry(key: line.key, document: line.document, diagnostics: line.diagnostics)
            cache.lines[line.path] = record
        }
        return cache
    }

    /// The body cut into records; nil if a length runs past the end.
    private static func records(in body: [UInt8]) -> [[UInt8]]? {
        var records: [[UInt8]] = []
        var position = 0
        while position < body.count {
            var length: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard position < body.count, shift < 64 else { return nil }
                let byte = body[position]
                position += 1
                length |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard length <= UInt64(body.count - position) else { return nil }
            records.append(Array(body[position ..< position + Int(length)]))
            position += Int(length)
        }
        return records
    }

    package func save(to folder: URL) {
        let body: Data? = lock.withLock {
            guard changed else { return nil }
            // Paths are sorted, not entries: moving an entry copies every field of its document.
            let encoded = entries.keys.sorted().parallelMap { [lines, entries] path in
                lines[path] ?? (try? CompactEncoder.encode(Line(path: path, entry: entries[path]!)))
            }
            var body: [UInt8] = []
            for record in encoded {
                guard let record else { return nil }
                CompactBytes.appendVarint(UInt64(record.count), to: &body)
                body += record
            }
            return Data(body)
        }
        guard let body else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Self.header(for: body) + body).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }
}
