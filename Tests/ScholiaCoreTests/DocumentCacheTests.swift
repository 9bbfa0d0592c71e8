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

    /// A first line that the cache accepts for `body`, so that the damaged body itself is what is read.
    private func header(_ format: String?, for body: Data) -> Data {
        var check = Fingerprint()
        check.add(body)
        let version = [format, ScholiaVersion.current, "v\(Document.codingVersion)", check.hex].compactMap { $0 }.joined(separator: " ")
        return Data("scholia-documents \(version)\n".utf8)
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
        // Saved again, one document stored anew and the others from the records as they were read: the same bytes.
        let before = try Data(contentsOf: folder.appendingPathComponent(DocumentCache.fileName))
        read.store((documents[0], DiagnosticList()), for: documents[0].document.sourcePath, key: 0)
        read.save(to: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent(DocumentCache.fileName)) == before)
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

        // Cut short, under its own first line: the fingerprint no longer matches.
        try saved.prefix(saved.count - 10).write(to: file)
        #expect(isEmpty())
        // Cut short or damaged under a first line that matches: the records themselves are found broken.
        for damaged in [body.prefix(body.count - 10), body.prefix(3), Data(body.map { $0 == 0x06 ? 0x07 : $0 })] {
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
