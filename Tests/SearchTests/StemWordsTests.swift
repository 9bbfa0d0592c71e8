import Testing
@testable import Search

@Suite struct StemWordsTests {
    typealias Word = IndexState.Word

    func listed(_ words: StemWords) -> [String] {
        var stems: [String] = []
        words.forEach { stem, _ in stems.append(stem) }
        return stems
    }

    @Test func changesAreMergedInByteOrder() {
        // "é" (UTF-8 C3 A9) sorts after "z" by bytes.
        var words = StemWords(["war": [Word(text: "war", documents: 3)], "cold": [Word(text: "cold", documents: 2)], "é": [Word(text: "é", documents: 1)]])
        #expect(listed(words) == ["cold", "war", "é"])
        words["zebra"] = [Word(text: "zebras", documents: 1)]
        words["cold"] = nil
        words["aardvark"] = [Word(text: "aardvark", documents: 4)]
        words["war"] = [Word(text: "war", documents: 3), Word(text: "wars", documents: 1)]
        #expect(listed(words) == ["aardvark", "war", "zebra", "é"])
        #expect(words.count == 4)
        #expect(words["cold"] == nil)
        #expect(words["war"]?.map(\.text) == ["war", "wars"])
        #expect(words["zebra"]?.first?.documents == 1)
        #expect(words["peace"] == nil)
        // Added, then taken out again: gone, and counted so.
        words["zebra"] = nil
        #expect(listed(words) == ["aardvark", "war", "é"])
        #expect(words.count == 3)
    }

    @Test func equalityIsOfTheWordsNotOfHowTheyWereChanged() {
        var changed = StemWords(["cold": [Word(text: "cold", documents: 2)]])
        changed["war"] = [Word(text: "war", documents: 1)]
        #expect(changed == StemWords(["cold": [Word(text: "cold", documents: 2)], "war": [Word(text: "war", documents: 1)]]))
        changed["war"] = [Word(text: "war", documents: 2)]
        #expect(changed != StemWords(["cold": [Word(text: "cold", documents: 2)], "war": [Word(text: "war", documents: 1)]]))
    }

    @Test func aChangedStateIsWrittenAsAWholeOneWouldBe() throws {
        let before: [String: [Word]] = ["cold": [Word(text: "cold", documents: 2)], "war": [Word(text: "war", documents: 3)]]
        var loaded = try #require(IndexState(encoded: state(StemWords(before)).encoded))
        loaded.words["peace"] = [Word(text: "peace", documents: 1)]
        loaded.words["cold"] = nil
        let whole = state(StemWords(["peace": [Word(text: "peace", documents: 1)], "war": [Word(text: "war", documents: 3)]]))
        #expect(loaded.encoded == whole.encoded)
        #expect(IndexState(encoded: loaded.encoded) == whole)
    }

    @Test func aStateWithItsStemsOutOfOrderIsRefused() {
        // Written by hand out of order (as no build writes it): "war" before "cold".
        let good = state(StemWords(["cold": [Word(text: "cold", documents: 2)], "war": [Word(text: "war", documents: 3)]])).encoded
        let swapped = state(StemWords(sortedStems: ["war", "cold"], lists: [[Word(text: "war", documents: 3)], [Word(text: "cold", documents: 2)]])).encoded
        #expect(IndexState(encoded: good) != nil)
        #expect(IndexState(encoded: swapped) == nil)
    }

    func state(_ words: StemWords) -> IndexState {
        IndexState(language: "en", averageLength: 10, termShardCount: 1, pairShardCount: 1, stemCount: 2, tokens: 20, pairs: 4,
                   entryKeys: [1, 2], words: words, wordKeys: ["col", "war"], files: ["terms/0.json": 7])
    }
}
