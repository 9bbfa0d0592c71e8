import Foundation
import Testing
@testable import Search

@Suite struct IndexEntryTests {
    let documents = [
        document("a", speakers: ["kerry"], topics: ["syria"], ["The Communiqué was signed.", "Talks, talks and more talks."]),
        document("b", year: 1962, ["中华人民共和国", "", "x " + String(repeating: "y", count: 80) + " z"]),
    ]

    @Test func anEntryReadBackFromItsEncodingGivesTheSameIndex() throws {
        let writer = IndexWriter(language: "en")
        let entries = documents.map { writer.entry(for: $0) }
        let decoded = try entries.map { entry in try #require(IndexEntry(document: entry.document, encodedText: entry.encodedText)) }
        for (entry, back) in zip(entries, decoded) {
            #expect(back.analysis == entry.analysis)
            #expect(back.document.paragraphs.isEmpty)
        }
        let direct = writer.plans(for: entries), fromDecoded = writer.plans(for: decoded)
        #expect(direct.map(\.path) == fromDecoded.map(\.path))
        #expect(direct.map(\.fingerprint) == fromDecoded.map(\.fingerprint))
        #expect(direct.map { $0.make() } == fromDecoded.map { $0.make() })
    }

    @Test func aCutOrForeignEncodingIsNotAnEntry() {
        let entry = IndexWriter(language: "en").entry(for: documents[0])
        let data = entry.encodedText
        #expect(IndexEntry(document: entry.document, encodedText: data.prefix(data.count - 1)) == nil)
        #expect(IndexEntry(document: entry.document, encodedText: data + Data([0])) == nil)
        #expect(IndexEntry(document: entry.document, encodedText: Data([99]) + data.dropFirst()) == nil)
        #expect(IndexEntry(document: entry.document, encodedText: Data()) == nil)
    }
}

/// A file's fingerprint changes when its bytes do, so that a build never keeps a stale index file.
@Suite struct IndexPlanTests {
    @Test func anEditChangesTheFingerprintOfEveryFileWhoseBytesChangeAndOnlyThose() {
        let writer = IndexWriter(language: "en")
        var documents = (0..<40).map { number in
            document("d\(number)", ["Paragraph of document \(number) about talks and treaties number \(number).", "Second paragraph \(number % 7)."])
        }
        let before = writer.plans(for: documents.map { writer.entry(for: $0) })
        documents[17].paragraphs[1].text = "A new sentence about ceasefire monitors."
        let after = writer.plans(for: documents.map { writer.entry(for: $0) })
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0) })
        var changed = 0, kept = 0
        for plan in after {
            guard let previous = old[plan.path] else { continue }
            if previous.fingerprint == plan.fingerprint {
                #expect(previous.make() == plan.make(), "\(plan.path)")
                kept += 1
            } else {
                if previous.make() != plan.make() { changed += 1 }
            }
        }
        #expect(changed > 0)
        #expect(kept > changed)
    }
}
