import Foundation
import Testing
@testable import Search

@Suite struct IndexFormatTests {
    @Test func wordKeysAndShardPaths() {
        #expect(IndexFormat.wordKey("kerry") == "ke")
        #expect(IndexFormat.wordKey("x") == "x")
        #expect(IndexFormat.wordKey("中华") == "_4e2d_534e")
        #expect(IndexFormat.wordKey("éa") == "_e9a")
        #expect(IndexFormat.shardPath(10, count: 256) == "terms/0a.json")
        #expect(IndexFormat.shardPath(0, count: 1) == "terms/0.json")
        // FNV-1a of "a" is 0xe40c292c: search.js computes the same.
        #expect(IndexFormat.shard(of: "a", count: 4096) == 0x92c)
    }

    @Test func postingsEncodeDocumentsParagraphsAndPositionsAsDeltas() throws {
        let documents = [document("one", ["alpha beta alpha"]), document("two", ["gamma", "x alpha"])]
        let files = IndexWriter(language: "en").files(for: documents)
        let shards = files.filter { $0.path.hasPrefix("terms/") }.map { String(decoding: $0.data, as: UTF8.self) }
        let alpha = try #require(shards.first { $0.contains("\"alpha\"") })
        // Document 0: its head (¶0: "one", no alpha) is skipped; ¶1 holds alpha at 0 and 2.
        // Document 1 (delta 1): ¶2 holds alpha at 1.
        #expect(alpha.contains("\"alpha\":[0,1,1,2,0,2,1,1,2,1,1]"))
    }

    @Test func wordsMapSurfaceFormsToStemsOnlyWhenTheyDiffer() throws {
        let files = IndexWriter(language: "en").files(for: [document("d", ["negotiations negotiate talks"])])
        let words = try #require(files.first { $0.path == "words/ne.json" })
        #expect(String(decoding: words.data, as: UTF8.self) == "[[\"negotiate\",\"negoti\"],[\"negotiations\",\"negoti\"]]\n")
    }

    @Test func displayDataHasTheHeadAndEveryParagraph() throws {
        let files = IndexWriter(language: "en").files(for: [document("d", title: "A Title", speakers: ["kerry"], ["First.", "Second \"quoted\"."])])
        let display = try #require(files.first { $0.path == "docs/0.json" })
        #expect(String(decoding: display.data, as: UTF8.self)
            == #"{"id":"d","title":"A Title","date":"2000","type":"Speech","speakers":["KERRY"],"paragraphs":[[0,"","A Title\nKERRY\nSpeech"],[1,"kerry","First."],[2,"kerry","Second \"quoted\"."]]}"# + "\n")
    }

    @Test func markupInTextIsEscapedInTheJSON() throws {
        let files = IndexWriter(language: "en").files(for: [document("d", title: "<script>x</script> & co", [])])
        let display = String(decoding: try #require(files.first { $0.path == "docs/0.json" }).data, as: UTF8.self)
        #expect(display.hasPrefix(#"{"id":"d","title":"\u003cscript\u003ex\u003c/script\u003e \u0026 co""#))
        let search = try index([document("d", title: "<script>x</script> & co", [])])
        #expect(search.document(0)?.title == "<script>x</script> & co")
    }

    @Test func theSameInputGivesTheSameBytes() {
        let documents = (0..<40).map { document("d\($0)", year: 1950 + $0 % 7, speakers: ["s\($0 % 3)"], ["word\($0) common text \($0 * 7)", "more common"]) }
        let first = IndexWriter(language: "en").files(for: documents)
        let second = IndexWriter(language: "en").files(for: documents)
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.data) == second.map(\.data))
    }

    @Test func aDocumentWithoutParagraphsIsIndexedByItsHead() throws {
        let search = try index([document("empty", title: "Nothing Here", [])])
        #expect(search.search("nothing").hits.map(\.ordinal) == [0])
        #expect(search.search("absent").hits.isEmpty)
    }

    @Test func anEmptySiteHasAnIndex() throws {
        let search = try index([])
        #expect(search.documentCount == 0)
        #expect(search.search("anything").message == "No results.")
        #expect(search.search("").hits.isEmpty)
    }

    @Test func aMissingIndexIsAClearError() {
        #expect(throws: SearchIndex.FormatError.self) { try SearchIndex { _ in nil } }
    }
}
