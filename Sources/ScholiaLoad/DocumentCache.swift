import Foundation
import ScholiaModel

/// Documents as an earlier build read them, by file, each with the fingerprint of what it was read from.
/// `serve` keeps one in memory between rebuilds; `scholia build` keeps one in `.scholia-cache/documents`
/// (without transcripts, read again only for pages that are made again), so that a change to one document
/// reads and parses that document only.
package final class DocumentCache: @unchecked Sendable {
    private struct Entry: Codable {
        /// The fingerprint of the document's files and of the environment (`DocumentLoader.key`).
        var key: UInt64
        /// The speakers the document declares, and the fingerprint of their files' labels when it was read
        /// (`DocumentLoader.speakerKey`): a speaker file's label edit reads again only the documents that declare it.
        var speakers: [String]
        var speakerKey: UInt64
        var document: LoadedDocument?
        var diagnostics: DiagnosticList
    }

    private var entries: [String: Entry] = [:]
    /// Whether anything was stored or forgotten since the cache was read: if not, there is nothing to save.
    private var changed = false
    /// How many documents were stored (read anew) since the cache was made.
    package var storeCount: Int { lock.withLock { stores } }
    private var stores = 0
    /// The paths of the documents stored (read anew) since the cache was made, in the order they were (tests use it).
    package var storedPaths: [String] { lock.withLock { stored } }
    private var stored: [String] = []
    private let lock = NSLock()

    static let fileName = "documents"

    /// One record of the file: a document in the compact binary form, after its length as a varint and before
    /// the fingerprint of its bytes (8 bytes, little-endian). Records read are kept as they are, so that saving
    /// encodes only the documents read anew.
    private struct Line: Codable {
        var path: String
        var entry: Entry
    }
    private var lines: [String: Record] = [:]
    /// A record as read (where it is in the file's body, kept mapped rather than copied record by record) or as encoded.
    private enum Record {
        case read(Range<Int>)
        case encoded([UInt8])
    }
    /// The file as read, mapped: its records follow the header.
    private var mappedFile = Data()
    /// The file is a log: a build appends the documents it read anew, a later record of a path replacing an
    /// earlier one, rather than writing 20 MB at 10,000 documents for one edit. It is written anew when a path
    /// was forgotten, when it could not be read to its end, or when replaced records would outweigh the others.
    private var fileIsAppendable = false
    /// The bytes of the file's records, replaced ones included.
    private var fileBytes = 0

    /// The file's format, part of its first line: a cache in another format (the JSON lines of before, the one
    /// record set of `compact-1`, or `compact-2`, whose keys included every speaker file) is not read.
    static let format = "compact-3"

    /// The first line: the format and Scholia's version. Each record carries its own fingerprint, so that a
    /// cache cut short or edited is not trusted.
    static let header = Data("scholia-documents \(format) \(ScholiaVersion.current) v\(Document.codingVersion) log\n".utf8)

    package init() {}

    /// The document stored for `path` if it was read from files of this `key` and, by `speakers` (the fingerprint the
    /// speaker files now give the ids it declares), the labels of its speakers are as they were.
    func result(for path: String, key: UInt64, speakers: ([String]) -> UInt64 = { _ in 0 }) -> (LoadedDocument?, DiagnosticList)? {
        guard let entry = lock.withLock({ entries[path] }), entry.key == key, speakers(entry.speakers) == entry.speakerKey else { return nil }
        return (entry.document, entry.diagnostics)
    }

    /// The documents stored for `paths` whatever their key, as the last build took them (`QuickBuild`, which knows the
    /// documents' files to be those of that build, or reads them again); nil for one there is none of or that had errors.
    package func storedDocuments(_ paths: [String]) -> [LoadedDocument?] {
        lock.withLock { paths.map { entries[$0]?.document } }
    }

    func store(_ result: (LoadedDocument?, DiagnosticList), for path: String, key: UInt64, speakers: [String] = [], speakerKey: UInt64 = 0) {
        lock.withLock {
            entries[path] = Entry(key: key, speakers: speakers, speakerKey: speakerKey, document: result.0, diagnostics: result.1)
            lines[path] = nil
            changed = true
            stores += 1
            stored.append(path)
        }
    }

    /// Forgets deleted documents (removed one by one: rebuilding the table of a large site costs more than the check).
    func keep(only paths: Set<String>) {
        lock.withLock {
            let gone = entries.keys.filter { !paths.contains($0) }
            if !gone.isEmpty { changed = true }
            for path in gone { entries[path] = nil }
            if !gone.isEmpty { fileIsAppendable = false }
            for path in lines.keys where !paths.contains(path) { lines[path] = nil }
        }
    }

    /// The cache a build left in `folder`; a missing, broken or foreign one is an empty cache.
    package static func read(from folder: URL) -> DocumentCache {
        let cache = DocumentCache()
        guard let data = Data.mappedFile(at: folder.appendingPathComponent(fileName), startingWith: header),
              let records = RecordLog.withBody(of: data, after: header, RecordLog.ranges) else { return cache }
        var decoded = records.parallelMap { record in
            RecordLog.withBody(of: data, after: header) { body in
                let bytes = UnsafeBufferPointer(rebasing: body[record.bytes])
                return RecordLog.check(of: UnsafeRawBufferPointer(bytes)) == record.check ? try? CompactDocumentReader.record(bytes) : nil
            }
        }
        guard decoded.allSatisfy({ $0 != nil }) else { return cache }
        cache.entries.reserveCapacity(decoded.count)
        cache.lines.reserveCapacity(decoded.count)
        // In the file's order: a later record of a path replaces an earlier one.
        // Each record is moved out of `decoded`, not copied: a copy of a document retains, and its release later frees,
        // each of its twenty-odd fields.
        for (index, record) in records.enumerated() {
            guard let line = decoded[index].take() else { continue }
            cache.entries[line.path] = Entry(key: line.key, speakers: line.speakers, speakerKey: line.speakerKey,
                                             document: line.document, diagnostics: line.diagnostics)
            cache.lines[line.path] = .read(record.bytes)
        }
        cache.mappedFile = data
        cache.fileBytes = data.count - header.count
        cache.fileIsAppendable = true
        return cache
    }

    private func size(_ record: Record) -> Int {
        switch record {
        case .read(let range): range.count
        case .encoded(let bytes): bytes.count
        }
    }

    /// Appends the documents read anew to the file, or writes it anew (see `fileIsAppendable`).
    package func save(to folder: URL) {
        let plan: (bytes: Data, rewrite: Bool)? = lock.withLock {
            guard changed else { return nil }
            let added = entries.keys.filter { lines[$0] == nil }.sorted().parallelMap { [entries] path in
                (path, try? CompactEncoder.encode(Line(path: path, entry: entries[path]!)))
            }
            for case let (path, record?) in added { lines[path] = .encoded(record) }
            guard added.allSatisfy({ $0.1 != nil }) else { return nil }
            let liveBytes = lines.values.reduce(0) { $0 + size($1) + 10 }
            let addedBytes = added.reduce(0) { $0 + $1.1!.count + 10 }
            let rewrite = !fileIsAppendable || fileBytes + addedBytes > 2 * liveBytes
            // Sized once, header included (a length and a fingerprint take at most 18 bytes): growing it, or adding
            // the header after, would hold the bytes twice, 200 MB at 100,000 documents.
            let header = rewrite ? Self.header : Data()
            var bytes = Data(capacity: header.count + (rewrite ? liveBytes : addedBytes) + 8 * (rewrite ? lines.count : added.count))
            bytes.append(header)
            // Paths are sorted, not entries: moving an entry copies every field of its document.
            for path in rewrite ? lines.keys.sorted() : added.map(\.0) {
                switch lines[path]! {
                case .read(let range):
                    RecordLog.withBody(of: mappedFile, after: Self.header) { body in RecordLog.append(UnsafeBufferPointer(rebasing: body[range]), to: &bytes) }
                case .encoded(let record): record.withUnsafeBufferPointer { RecordLog.append($0, to: &bytes) }
                }
            }
            return (bytes, rewrite)
        }
        guard let (bytes, rewrite) = plan else { return }
        let file = folder.appendingPathComponent(Self.fileName)
        var written = false
        if rewrite {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            written = (try? bytes.write(to: file, options: .atomic)) != nil
        } else if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            written = (try? handle.seekToEnd()) == UInt64(Self.header.count + fileBytes) && (try? handle.write(contentsOf: bytes)) != nil
        }
        lock.withLock {
            changed = !written
            fileIsAppendable = written
            fileBytes = rewrite ? bytes.count - Self.header.count : fileBytes + bytes.count
        }
        // A file that is not as it was read (another build wrote it since) is written anew.
        if !written && !rewrite { save(to: folder) }
    }
}
