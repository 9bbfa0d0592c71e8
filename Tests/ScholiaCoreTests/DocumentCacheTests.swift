import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad

/// The documents cache on disk: the compact binary form gives back exactly what was stored, and a cache that
/// is cut short, damaged or in the older JSON form is read as an empty cache, never trusted and never a crash.
@Suite struct DocumentCacheTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample site's documents as the loader reads them (notes, participants, sources, citation overrides).
    static func sampleDocuments() -> [LoadedDocument] {
        ContentLoader(siteDirectory: repository, includeDrafts: true).load().0.documents
    }

    /// JSON with sorted keys stands for equality: `Document` is not `Equatable`.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func everySampleDocumentComesBackAsItWasStored() throws {
        let documents = Self.sampleDocuments()
        #expect(documents.count >= 7)
        #expect(documents.contains { !$0.document.annotations.isEmpty })
        for loaded in documents {
            let bytes = try CompactEncoder.encode(loaded)
            let back = try CompactDecoder.decode(LoadedDocument.self, from: bytes)
            #expect(try Self.json(back) == Self.json(loaded), "\(loaded.document.id)")
        }
    }

    @Test func valuesKeepTheirKind() throws {
        let value = JSONValue.object([
            ("double", .double(5)), ("int", .int(-12)), ("big", .int(Int.max)), ("null", .null), ("flag", .bool(false)),
            ("text", .string("Ünïcode — \"quoted\"\n")), ("brace", .array([.string("{"), .int(1)])), ("bracket", .array([.string("["), .string("[")])), ("empty", .object([])),
        ])
        let back = try CompactDecoder.decode(JSONValue.self, from: CompactEncoder.encode(value))
        #expect(back.serialized() == value.serialized())
        guard case .object(let fields) = back, case .double(let number) = fields[0].1 else {
            Issue.record("not an object starting with a double: \(back)")
            return
        }
        #expect(number == 5)
        #expect(try CompactDecoder.decode(UInt64.self, from: CompactEncoder.encode(UInt64.max)) == .max)
        #expect(try CompactDecoder.decode(Int8.self, from: CompactEncoder.encode(-100)) == -100)
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(Int8.self, from: CompactEncoder.encode(300)) }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(String.self, from: CompactEncoder.encode(3)) }
    }

    @Test func damagedBytesThrowAndNeverCrash() throws {
        let loaded = try #require(Self.sampleDocuments().first { !$0.document.annotations.isEmpty })
        let bytes = try CompactEncoder.encode(loaded)
        for length in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: DecodingError.self) { try CompactDecoder.decode(LoadedDocument.self, from: Array(bytes.prefix(length))) }
        }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(LoadedDocument.self, from: bytes + [0]) }
        // Every single byte changed in turn: each either throws or decodes, without a crash or a hang.
        for position in bytes.indices {
            for replacement: UInt8 in [0x00, 0x7F, 0xFF] where bytes[position] != replacement {
                var damaged = bytes
                damaged[position] = replacement
                _ = try? CompactDecoder.decode(LoadedDocument.self, from: damaged)
            }
        }
    }

    /// The cache is read without `Codable` (`CompactDocumentReader`): it must give what the `Codable` decoding gives.
    @Test func theDirectReaderReadsWhatCodableReads() throws {
        for loaded in Self.sampleDocuments() {
            let bytes = try CompactEncoder.encode(loaded)
            let direct = try CompactDocumentReader.loadedDocument(bytes)
            #expect(try Self.json(direct) == Self.json(CompactDecoder.decode(LoadedDocument.self, from: bytes)), "\(loaded.document.id)")
            #expect(direct.document.transcriptIsOmitted)
        }
    }

    @Test func theDirectReaderThrowsOnDamagedBytesAndNeverCrashes() throws {
        let loaded = try #require(Self.sampleDocuments().first { !$0.document.annotations.isEmpty })
        let bytes = try CompactEncoder.encode(loaded)
        for length in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: DecodingError.self) { try CompactDocumentReader.loadedDocument(Array(bytes.prefix(length))) }
        }
        #expect(throws: DecodingError.self) { try CompactDocumentReader.loadedDocument(bytes + [0]) }
        // A field left out is missing, not taken as empty: the document's title renamed away.
        let renamed = try #require(Self.replacing(Array("title".utf8), with: Array("tiTle".utf8), in: bytes))
        #expect(throws: DecodingError.self) { try CompactDocumentReader.loadedDocument(renamed) }
        for position in bytes.indices {
            for replacement: UInt8 in [0x00, 0x7F, 0xFF] where bytes[position] != replacement {
                var damaged = bytes
                damaged[position] = replacement
                _ = try? CompactDocumentReader.loadedDocument(damaged)
            }
        }
    }

    /// The bytes with the first occurrence of `old` replaced by `new` (of the same length).
    static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
        guard let start = (0...(bytes.count - old.count)).first(where: { Array(bytes[$0..<$0 + old.count]) == old }) else { return nil }
        var changed = bytes
        changed.replaceSubrange(start..<start + old.count, with: new)
        return changed
    }

    private func savedCache(_ documents: [LoadedDocument]) -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-cache-\(UUID().uuidString)")
        let cache = DocumentCache()
        for (index, loaded) in documents.enumerated() {
            cache.store((loaded, DiagnosticList()), for: loaded.document.sourcePath, key: UInt64(index))
        }
        cache.save(to: folder)
        return (folder, folder.appendingPathComponent(DocumentCache.fileName))
    }

    /// A first line that the cache accepts, so that the damaged body itself is what is read; without a format, the
    /// first line of an earlier Scholia's JSON lines (which ended with a fingerprint of the body).
    private func header(_ format: String?, for body: Data) -> Data {
        guard format == nil else { return DocumentCache.header }
        var check = Fingerprint()
        check.add(body)
        return Data("scholia-documents \(ScholiaVersion.current) v\(Document.codingVersion) \(check.hex)\n".utf8)
    }

    @Test func aSavedCacheIsReadBack() throws {
        let documents = Self.sampleDocuments()
        let (folder, _) = savedCache(documents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = DocumentCache.read(from: folder)
        for (index, loaded) in documents.enumerated() {
            let found = try #require(read.result(for: loaded.document.sourcePath, key: UInt64(index))?.0)
            #expect(try Self.json(found) == Self.json(loaded))
            #expect(read.result(for: loaded.document.sourcePath, key: UInt64(index) + 100) == nil)
        }
        // Saved again with one document stored anew: its record is appended, the others' are left as they were.
        let file = folder.appendingPathComponent(DocumentCache.fileName)
        let before = try Data(contentsOf: file)
        read.store((documents[1], DiagnosticList()), for: documents[0].document.sourcePath, key: 50)
        read.save(to: folder)
        let appended = try Data(contentsOf: file)
        #expect(appended.count > before.count && appended.starts(with: before))
        // The later record of a path replaces the earlier one.
        let again = DocumentCache.read(from: folder)
        #expect(again.result(for: documents[0].document.sourcePath, key: 0) == nil)
        let replaced = try #require(again.result(for: documents[0].document.sourcePath, key: 50)?.0)
        #expect(try Self.json(replaced) == Self.json(documents[1]))
        for (index, loaded) in documents.enumerated().dropFirst() {
            #expect(again.result(for: loaded.document.sourcePath, key: UInt64(index)) != nil)
        }
    }

    @Test func theLogIsWrittenAnewWhenAPathGoesOrReplacedRecordsOutweighTheRest() throws {
        let documents = Self.sampleDocuments()
        let (folder, file) = savedCache(documents)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every document stored anew, twice: the replaced records would outweigh the others.
        for round in 1...2 {
            let cache = DocumentCache.read(from: folder)
            for (index, loaded) in documents.enumerated() {
                cache.store((loaded, DiagnosticList()), for: loaded.document.sourcePath, key: UInt64(index + 100 * round))
            }
            cache.save(to: folder)
        }
        let fresh = savedCache(documents)
        defer { try? FileManager.default.removeItem(at: fresh.folder) }
        #expect(try Data(contentsOf: file).count <= 2 * Data(contentsOf: fresh.file).count)
        // A document gone: the file holds the others only.
        let cache = DocumentCache.read(from: folder)
        let kept = Set(documents.dropFirst().map(\.document.sourcePath))
        cache.keep(only: kept)
        cache.save(to: folder)
        let read = DocumentCache.read(from: folder)
        #expect(read.result(for: documents[0].document.sourcePath, key: 200) == nil)
        for (index, loaded) in documents.enumerated().dropFirst() {
            #expect(read.result(for: loaded.document.sourcePath, key: UInt64(index + 200)) != nil)
        }
        let remaining = DocumentCache()
        for (index, loaded) in documents.enumerated().dropFirst() {
            remaining.store((loaded, DiagnosticList()), for: loaded.document.sourcePath, key: UInt64(index + 200))
        }
        let expected = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: expected) }
        remaining.save(to: expected)
        #expect(try Data(contentsOf: file) == Data(contentsOf: expected.appendingPathComponent(DocumentCache.fileName)))
    }

    @Test func aDamagedOrOlderCacheIsEmpty() throws {
        let documents = Self.sampleDocuments()
        let (folder, file) = savedCache(documents)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = try Data(contentsOf: file)
        let newline = try #require(saved.firstIndex(of: 0x0A))
        let body = Data(saved[(newline + 1)...])
        func isEmpty() -> Bool { DocumentCache.read(from: folder).result(for: documents[0].document.sourcePath, key: 0) == nil }
        #expect(!isEmpty())

        // Cut short, or damaged: a record's length runs past the end, or its fingerprint no longer matches its bytes.
        try saved.prefix(saved.count - 10).write(to: file)
        #expect(isEmpty())
        for damaged in [body.prefix(body.count - 3), body.prefix(3), Data(body.map { $0 == 0x06 ? 0x07 : $0 }), body + Data([1, 0])] {
            try (header(DocumentCache.format, for: damaged) + damaged).write(to: file)
            #expect(isEmpty())
        }
        // The JSON lines an earlier Scholia wrote, with their own valid first line.
        let json = Data(try Self.json(["path": documents[0].document.sourcePath]).utf8) + Data([0x0A])
        try (header(nil, for: json) + json).write(to: file)
        #expect(isEmpty())
        try Data().write(to: file)
        #expect(isEmpty())
    }
}
