import Testing
@testable import Search

/// Phrases through the pairs index: each pair of neighbouring words where the phrase puts them.
@Suite struct PhraseTests {
    @Test func aLongerPhraseNeedsEveryPairInPlace() throws {
        let documents = [document("straight", ["red green blue"]), document("apart", ["red green and then green blue"]),
                         document("twice", ["red green blue, and red green blue"])]
        let search = try index(documents)
        #expect(ids(search.search("\"red green blue\""), documents) == ["twice", "straight"])
        #expect(ids(search.search("\"green blue\""), documents).sorted() == ["apart", "straight", "twice"])
        let hit = try #require(search.search("\"red green blue\"").hits.first)
        #expect(hit.paragraphs.map(\.number) == [1])
        #expect(hit.paragraphs[0].positions == [0, 1, 2, 4, 5, 6])
    }

    @Test func stopWordsInsideAPhraseKeepTheirPlaces() throws {
        let documents = [document("union", ["the state of the union is strong"]), document("other", ["the state xyz the union"]),
                         document("short", ["the state of union"])]
        let search = try index(documents)
        #expect(ids(search.search("\"state of the union\""), documents) == ["union"])
        #expect(ids(search.search("\"state of union\""), documents) == ["short"])
    }

    @Test func aPhraseInTheHeadCountsThreeTimes() throws {
        let documents = [document("body", ["chemical weapons were discussed"]), document("head", title: "Chemical Weapons", ["something else"])]
        let search = try index(documents)
        #expect(ids(search.search("\"chemical weapons\""), documents) == ["head", "body"])
        // A head-only match shows the head (paragraph 0).
        #expect(search.search("\"chemical weapons\"").hits[0].paragraphs.map(\.number) == [0])
    }

    @Test func aPhraseWithAnUnknownWordMatchesNothing() throws {
        let documents = [document("one", ["red green blue"])]
        let search = try index(documents)
        #expect(search.search("\"red purple\"").hits.isEmpty)
        #expect(ids(search.search("red -\"green blue\""), documents).isEmpty)
    }
}
