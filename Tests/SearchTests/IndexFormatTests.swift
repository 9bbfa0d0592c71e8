import Foundation
import Testing
@testable import Search

@Suite struct IndexFormatTests {
    @Test func wordKeysAndShardPaths() {
        #expect(IndexFormat.wordKey("kerry") == "ker")
        #expect(IndexFormat.wordKey("x") == "x")
        #expect(IndexFormat.wordKey("中华") == "_4e2d_534e")
        #expect(IndexFormat.wordKey("éa") == "_e9a")
        #expect(IndexFormat.shardPath(10, count: 256) == "terms/0a.json")
        #expect(IndexFormat.shardPath(0, count: 1) == "terms/0.json")
        #expect(IndexFormat.pairShardPath(10, count: 4096) == "pairs/00a.json")
        // FNV-1a of "a" is 0xe40c292c: search.js computes the same.
        #expect(IndexFormat.shard(of: "a", count: 4096) == 0x92c)
        #expect(IndexFormat.pairKey("state", "union", gap: 3) == "state 3 union")
        #expect(IndexFormat.pairKey("chemic", "weapon", gap: 1) == "chemic weapon")
    }

    /// The pairs files write a key straight into the JSON: the same bytes as the key made and then written.
    @Test func pairKeysWrittenInPlaceAreTheKeysWritten() {
        for (first, second, gap) in [("state", "union", 3), ("chemic", "weapon", 1), ("中华", "a\"b<", 12), ("", "x", 100)] {
            var inPlace = JSONText(), made = JSONText()
            inPlace.pairKey(first, second, gap: gap)
            made.string(IndexFormat.pairKey(first, second, gap: gap))
            #expect(inPlace.bytes == made.bytes)
        }
    }

    @Test func impactsAreBM25FrequenciesTimes100() {
        // An average-length document: norm 1.2, so one use gives 2.2 / 2.2 = 1 → 100, two 4.4 / 3.2 → 138.
        #expect(IndexFormat.impact(frequency: 1, length: 5, averageLength: 5) == 100)
        #expect(IndexFormat.impact(frequency: 2, length: 5, averageLength: 5) == 138)
        // A longer document gets less for the same frequency, never less than 1.
        #expect(IndexFormat.impact(frequency: 1, length: 48, averageLength: 5) == 22)
        // Lengths are taken to four significant bits (`scoringLength`): 50 counts as 48.
        #expect(IndexFormat.impact(frequency: 1, length: 50, averageLength: 5) == 22)
        #expect(IndexFormat.impact(frequency: 1, length: 1_000_000, averageLength: 1) == 1)
    }

    @Test func postingsHoldOrdinalDeltasAndImpactsOnly() throws {
        let documents = [document("one", ["alpha beta alpha"]), document("two", ["gamma", "x alpha"])]
        let files = IndexWriter(language: "en").files(for: documents)
        let shards = files.filter { $0.path.hasPrefix("terms/") }.map { String(decoding: $0.data, as: UTF8.self) }
        let alpha = try #require(shards.first { $0.contains("\"alpha\"") })
        // Both documents have 5 indexed tokens (head: id and type). Document 0 uses alpha twice, document 1 (delta 1) once.
        #expect(alpha.contains("\"alpha\":[0,138,1,100]"))
    }

    @Test func pairsHoldEveryOccurrenceWithItsParagraphAndPosition() throws {
        let documents = [document("one", ["alpha beta alpha beta", "the state of the union"]), document("two", ["beta", "alpha beta"])]
        let files = IndexWriter(language: "en").files(for: documents)
        let pairs = files.filter { $0.path.hasPrefix("pairs/") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        // Document 0 (length 8): ¶1 at 0 and 2 (delta); document 1 (delta 1, length 5): ¶2 at 0.
        #expect(pairs.contains("\"alpha beta\":[0,8,2,1,0,0,2,1,5,1,2,0]"))
        // Stop words between two indexed words make a gap: "state of the union" is state, 3 places, union.
        #expect(pairs.contains("\"state 3 union\":[0,8,1,2,1]"))
        // Pairs stay within a paragraph: "beta" ends ¶1 of document 1, "alpha" starts ¶2.
        #expect(pairs.contains("\"beta alpha\":[0,8,1,1,1]"))
    }

    @Test func wordsMapSurfaceFormsToStemsWithTheOtherFormsOfTheirStems() throws {
        let files = IndexWriter(language: "en").files(for: [document("d", ["negotiations negotiate talks dying die"])])
        let words = try #require(files.first { $0.path == "words/neg.json" })
        #expect(String(decoding: words.data, as: UTF8.self) == "[[\"negotiate\",\"negoti\"],[\"negotiations\",\"negoti\"]]\n")
        // "dying" is stemmed "die", whose words file is another: each file names the other form too.
        let di = String(decoding: try #require(files.first { $0.path == "words/die.json" }).data, as: UTF8.self)
        let dy = String(decoding: try #require(files.first { $0.path == "words/dyi.json" }).data, as: UTF8.self)
        #expect(di == "[\"die\",[\"dying\",\"die\"]]\n")
        #expect(dy == di)
    }

    @Test func facetsAreValueCountsInTheIndexAndCodesInBlocks() throws {
        let documents = (0..<300).map { document("d\($0)", speakers: $0 % 2 == 0 ? ["even"] : ["odd"], topics: $0 == 299 ? ["last"] : [], ["text"]) }
        let files = IndexWriter(language: "en").files(for: documents)
        let index = String(decoding: try #require(files.first { $0.path == "index.json" }).data, as: UTF8.self)
        #expect(index.contains("\"facets\":{\"speaker\":[[\"even\",\"EVEN\",150],[\"odd\",\"ODD\",150]],\"topic\":[[\"last\",\"last\",1]],\"type\":[[\"speech\",\"Speech\",300]],\"list\":[]}"))
        let blocks = files.filter { $0.path.hasPrefix("facets/") }.map(\.path)
        #expect(blocks == ["facets/0.json", "facets/1.json"])
        let second = String(decoding: try #require(files.first { $0.path == "facets/1.json" }).data, as: UTF8.self)
        // Ordinal 256 is even (speaker 0), ordinal 299 odd (speaker 1) with topic 0.
        #expect(second.hasPrefix("[[[0],[],[0],[]],[[1],[],[0],[]],"))
        #expect(second.hasSuffix(",[[1],[0],[0],[]]]\n"))
    }

    /// A value a document gives twice (a speaker listed again, a reading list naming it twice) counts that document once
    /// and has one code in its block; the label is the first one met.
    @Test func aValueGivenTwiceInADocumentCountsOnce() throws {
        var first = document("a", speakers: ["zed", "amy", "zed"], lists: ["class", "class"], ["text"])
        first.speakers[2].label = "Zed again"
        let files = IndexWriter(language: "en").files(for: [first, document("b", speakers: ["zed"], ["text"])])
        let index = String(decoding: try #require(files.first { $0.path == "index.json" }).data, as: UTF8.self)
        #expect(index.contains(#""facets":{"speaker":[["amy","AMY",1],["zed","ZED",2]],"topic":[],"type":[["speech","Speech",2]],"list":[["class","class",1]]}"#))
        let block = String(decoding: try #require(files.first { $0.path == "facets/0.json" }).data, as: UTF8.self)
        #expect(block == "[[[0,1],[],[0],[0]],[[1],[],[0],[]]]\n")
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
