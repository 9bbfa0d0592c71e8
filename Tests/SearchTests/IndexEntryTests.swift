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
            #expect(back.display == entry.display)
            #expect(back.document.paragraphs.isEmpty)
        }
        let direct = writer.files(for: documents).map { [$0.path: $0.data] }
        #expect(writer.files(for: decoded).map { [$0.path: $0.data] } == direct)
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
