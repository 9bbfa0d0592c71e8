import Foundation
import ScholiaModel

/// What the last `scholia build` resolved, kept in `.scholia-cache/site`, so that a build after a text edit of a few
/// documents (`QuickBuild`) neither loads nor resolves the whole site again: every speaker, topic and reading list as
/// resolved, the static files, the build's warnings, the key of the inputs it was made from (`BuildCache.currentKey`),
/// and for each document, in the site's order, its path, its related documents and its content key. The documents
/// themselves are the documents cache's (resolving adds only their related documents); the content key is kept here
/// because a quick build does not update that cache, so that a document it read again is as it read it.
///
/// The file is a log of records framed by `RecordLog`, each after a kind byte: the head, then every document, as a full
/// build writes them; a quick build appends the documents it read again and the new key, a later record of a document
/// replacing an earlier one. A record cut short or edited makes the whole file untrusted.
package struct SiteSnapshot: Sendable {
    /// What the site adds to a document of the documents cache.
    package struct DocumentReference: Sendable, Codable, Equatable {
        package var path: String
        package var contentKey: UInt64
        package var related: [String]
    }

    /// The key of the inputs this site was made from: it stands for the site only when it is the key of the last build.
    package var key: String
    /// Newest first, as the site has them.
    package var documents: [DocumentReference]
    package var speakers: [Speaker]
    package var topics: [Topic]
    package var collections: [Collection]
    package var staticFiles: [(outputPath: String, source: URL)]
    package var warnings: [Diagnostic]
    /// How many pages (jobs, the search index's files aside) the build made or kept: the quick build checks that it
    /// keeps every one of them.
    package var pageCount: Int
    /// The length of the file it was read from (header included), and of its head and documents: a quick build appends
    /// to the file only when it is still that long, and writes it anew once the appended records outweigh the first ones.
    private var loadedFile: (bytes: Int, first: Int)?

    static let fileName = "site"
    static let header = Data("scholia-site \(ScholiaVersion.current)\n".utf8)

    private enum Kind: UInt8 { case head = 0, document = 1, key = 2 }

    private struct StaticFile: Codable {
        var outputPath: String
        var source: String
    }

    private struct Head: Codable {
        var key: String
        var speakers: [Speaker]
        var topics: [Topic]
        var collections: [Collection]
        var staticFiles: [StaticFile]
        var warnings: [Diagnostic]
        var pageCount: Int
    }

    package init(site: Site, warnings: [Diagnostic], pageCount: Int, key: String) {
        self.key = key
        documents = site.documents.indices.map { index in
            DocumentReference(path: site.documents[index].sourcePath, contentKey: site.documents[index].contentKey, related: site.documents[index].relatedIDs)
        }
        (speakers, topics, collections) = (site.speakers, site.topics, site.collections)
        staticFiles = site.staticFiles
        self.warnings = warnings
        self.pageCount = pageCount
    }

    /// The snapshot a build left in `folder`; nil when there is none, or it is broken or of another version.
    package static func read(from folder: URL) -> SiteSnapshot? {
        guard let data = Data.mappedFile(at: folder.appendingPathComponent(fileName), startingWith: header),
              let records = RecordLog.withBody(of: data, after: header, RecordLog.ranges), let first = records.first,
              let head = RecordLog.withBody(of: data, after: header, { body in
                  body[first.bytes.lowerBound] == Kind.head.rawValue ? try? readHead(Array(body[first.bytes.dropFirst()])) : nil
              }) else { return nil }
        // Read in place, each record checked and decoded on every core.
        let decoded = records.dropFirst().parallelMap { record -> (document: DocumentReference?, key: String?)? in
            RecordLog.withBody(of: data, after: header) { body in
                let bytes = UnsafeBufferPointer(rebasing: body[record.bytes])
                guard RecordLog.check(of: UnsafeRawBufferPointer(bytes)) == record.check, let kind = bytes.first.flatMap(Kind.init(rawValue:)) else { return nil }
                let value = UnsafeBufferPointer(rebasing: bytes.dropFirst())
                switch kind {
                case .head: return nil
                case .document: return (try? CompactDocumentReader.documentReference(value)).map { ($0, nil) }
                case .key: return (nil, String(decoding: value, as: UTF8.self))
                }
            }
        }
        let headIsIntact = RecordLog.withBody(of: data, after: header) {
            RecordLog.check(of: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[first.bytes]))) == first.check
        }
        guard headIsIntact, decoded.allSatisfy({ $0 != nil }) else { return nil }
        var snapshot = SiteSnapshot(key: head.key, speakers: head.speakers, topics: head.topics, collections: head.collections,
                                    staticFiles: head.staticFiles.map { ($0.outputPath, URL(fileURLWithPath: $0.source)) }, warnings: head.warnings,
                                    pageCount: head.pageCount)
        var positions: [String: Int] = [:]
        var firstBytes = header.count + RecordLog.framedSize(first.bytes.count)
        var appended = false
        for (record, entry) in zip(records.dropFirst(), decoded) {
            guard let entry else { return nil }
            if let key = entry.key {
                snapshot.key = key
                appended = true
            } else if let document = entry.document {
                if let position = positions[document.path] {
                    snapshot.documents[position] = document
                } else {
                    // Documents come before any appended record: a document appended is one the head's site has.
                    guard !appended else { return nil }
                    positions[document.path] = snapshot.documents.count
                    snapshot.documents.append(document)
                }
            }
            if !appended { firstBytes += RecordLog.framedSize(record.bytes.count) }
        }
        snapshot.loadedFile = (data.count, firstBytes)
        return snapshot
    }

    /// The head, its speakers and topics read without `Codable` (`CompactReader.speaker`), the rest with it.
    private static func readHead(_ bytes: [UInt8]) throws -> Head {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = CompactReader(bytes: buffer)
            guard try reader.end(of: 0) == buffer.count else { throw reader.broken("bytes after the value") }
            var key: String?, speakers: [Speaker]?, topics: [Topic]?, collections: [Collection]?, staticFiles: [StaticFile]?
            var warnings: [Diagnostic]?, pageCount: Int?
            try reader.fields(at: 0) { name, at in
                switch name {
                case "key": key = try reader.string(at: at)
                case "speakers": speakers = try reader.elements(at: at).map { try reader.speaker(at: $0) }
                case "topics": topics = try reader.elements(at: at).map { try reader.topic(at: $0) }
                case "collections": collections = try reader.decode([Collection].self, at: at)
                case "staticFiles": staticFiles = try reader.decode([StaticFile].self, at: at)
                case "warnings": warnings = try reader.elements(at: at).map { try reader.diagnostic(at: $0) }
                case "pageCount": pageCount = try reader.integer(Int.self, at: at)
                default: break
                }
            }
            return Head(key: try reader.required(key, "key"), speakers: try reader.required(speakers, "speakers"),
                        topics: try reader.required(topics, "topics"), collections: try reader.required(collections, "collections"),
                        staticFiles: try reader.required(staticFiles, "staticFiles"), warnings: try reader.required(warnings, "warnings"),
                        pageCount: try reader.required(pageCount, "pageCount"))
        }
    }

    private init(key: String, speakers: [Speaker], topics: [Topic], collections: [Collection],
                 staticFiles: [(outputPath: String, source: URL)], warnings: [Diagnostic], pageCount: Int) {
        (self.key, self.speakers, self.topics, self.collections, self.staticFiles, self.warnings) = (key, speakers, topics, collections, staticFiles, warnings)
        self.pageCount = pageCount
        documents = []
    }

    /// Writes the file anew, the documents encoded a chunk at a time (at 100,000 documents the file is hundreds of
    /// megabytes). When it cannot be written the old file is removed, as it no longer describes the last build.
    package func save(to folder: URL) {
        let file = folder.appendingPathComponent(Self.fileName)
        let head = Head(key: key, speakers: speakers, topics: topics, collections: collections,
                        staticFiles: staticFiles.map { StaticFile(outputPath: $0.outputPath, source: $0.source.path) }, warnings: warnings,
                        pageCount: pageCount)
        let temporary = folder.appendingPathComponent(Self.fileName + ".new")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let written: Bool = {
            guard let head = try? [Kind.head.rawValue] + CompactEncoder.encode(head),
                  FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: temporary) else { return false }
            defer { try? handle.close() }
            var bytes = Self.header
            RecordLog.append(head, to: &bytes)
            for start in stride(from: 0, to: documents.count, by: 1024) {
                let records = documents[start ..< min(start + 1024, documents.count)].parallelMap(documentRecord)
                for record in records {
                    guard let record else { return false }
                    RecordLog.append(record, to: &bytes)
                }
                guard (try? handle.write(contentsOf: bytes)) != nil else { return false }
                bytes.removeAll(keepingCapacity: true)
            }
            return (try? handle.write(contentsOf: bytes)) != nil && rename(temporary.path, file.path) == 0
        }()
        if !written {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// Saves this snapshot, which differs from the one read (`self` before) only in the documents of the paths `changed`
    /// and the key: their records and the key are appended, or the file is written anew (see `loadedFile`).
    package func save(to folder: URL, changed paths: Set<String>) {
        let file = folder.appendingPathComponent(Self.fileName)
        if let loaded = loadedFile {
            var bytes = Data()
            var complete = true
            for document in documents where paths.contains(document.path) {
                if let record = documentRecord(document) { RecordLog.append(record, to: &bytes) } else { complete = false }
            }
            RecordLog.append([Kind.key.rawValue] + Array(key.utf8), to: &bytes)
            if complete, loaded.bytes - loaded.first + bytes.count <= loaded.first, let handle = try? FileHandle(forWritingTo: file) {
                defer { try? handle.close() }
                if (try? handle.seekToEnd()) == UInt64(loaded.bytes), (try? handle.write(contentsOf: bytes)) != nil { return }
            }
        }
        save(to: folder)
    }

    private func documentRecord(_ document: DocumentReference) -> [UInt8]? {
        (try? CompactEncoder.encode(document)).map { [Kind.document.rawValue] + $0 }
    }
}

extension CompactDocumentReader {
    /// A document record of the site snapshot.
    static func documentReference(_ buffer: UnsafeBufferPointer<UInt8>) throws -> SiteSnapshot.DocumentReference {
        let reader = CompactReader(bytes: buffer)
        guard try reader.end(of: 0) == buffer.count else { throw reader.broken("bytes after the value") }
        var path: String?, contentKey: UInt64?, related: [String]?
        try reader.fields(at: 0) { name, at in
            switch name {
            case "path": path = try reader.string(at: at)
            case "contentKey": contentKey = try reader.integer(UInt64.self, at: at)
            case "related": related = try reader.strings(at: at)
            default: break
            }
        }
        return .init(path: try reader.required(path, "path"), contentKey: try reader.required(contentKey, "contentKey"),
                     related: try reader.required(related, "related"))
    }
}
