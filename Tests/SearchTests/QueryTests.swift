import Testing
@testable import Search

@Suite struct QueryTests {
    let stop: Set<String> = ["the", "of", "a"]

    @Test func wordsAreRequiredAndTheLastIsAPrefix() {
        let query = Query("Cold wa", stopWords: stop)
        #expect(query.required == [.word("cold", prefix: false), .word("wa", prefix: true)])
    }

    @Test func aTrailingSpaceEndsThePrefix() {
        #expect(Query("cold wa ", stopWords: stop).required == [.word("cold", prefix: false), .word("wa", prefix: false)])
    }

    @Test func oneLetterIsNeverAPrefix() {
        #expect(Query("cold w", stopWords: stop).required.last == .word("w", prefix: false))
    }

    @Test func phrasesKeepTheOffsetsOfStopWords() {
        let query = Query("\"State of the Union\"", stopWords: stop)
        #expect(query.required == [.phrase([.init("state", 0), .init("union", 3)])])
        #expect(query.droppedStopWords == ["of", "the"])
    }

    @Test func excludedWordsAndPhrases() {
        let query = Query("war -korea -\"cold war\"", stopWords: stop)
        #expect(query.required == [.word("war", prefix: false)])
        #expect(query.excluded == [.word("korea", prefix: false), .phrase([.init("cold", 0), .init("war", 1)])])
    }

    @Test func anUnclosedQuoteRunsToTheEnd() {
        #expect(Query("\"chemical weapons", stopWords: stop).required == [.phrase([.init("chemical", 0), .init("weapons", 1)])])
    }

    @Test func hyphenatedAndCJKRunsArePhrases() {
        #expect(Query("post-war ", stopWords: stop).required == [.phrase([.init("post", 0), .init("war", 1)])])
        #expect(Query("人民", stopWords: stop).required == [.word("人民", prefix: false)])
        #expect(Query("中华人民", stopWords: stop).required == [.phrase([.init("中华", 0), .init("华人", 1), .init("人民", 2)])])
    }

    @Test func aDashAloneOrPunctuationIsNothing() {
        #expect(Query("-", stopWords: stop).isEmpty)
        #expect(Query(" - -- ", stopWords: stop).isEmpty)
        #expect(Query(".*+?()[]{}|\\^$", stopWords: stop).isEmpty)
    }

    @Test func stopWordsAloneAreDroppedAndSaidSo() {
        let query = Query("the of a", stopWords: stop)
        #expect(query.isEmpty)
        #expect(query.droppedStopWords == ["the", "of", "a"])
    }

    @Test func wordsTypedSideBySideAreNearbyPairsCountingStopWords() {
        let query = Query("state of the union address ", stopWords: stop)
        #expect(query.required == [.word("state", prefix: false), .word("union", prefix: false), .word("address", prefix: false)])
        #expect(query.nearby == [.phrase([.init("state", 0), .init("union", 3)]), .phrase([.init("union", 0), .init("address", 1)])])
        // Punctuation typed alone takes no place, as it takes none in the text.
        #expect(Query("cold — war ", stopWords: stop).nearby == [.phrase([.init("cold", 0), .init("war", 1)])])
    }

    @Test func nearbyPairsStopAtPhrasesAndExclusions() {
        // The prefix as typed: it pairs once it is a whole word.
        #expect(Query("cold war", stopWords: stop).nearby == [.phrase([.init("cold", 0), .init("war", 1)])])
        #expect(Query("cold -war iron ", stopWords: stop).nearby.isEmpty)
        #expect(Query("cold \"iron curtain\" war ", stopWords: stop).nearby.isEmpty)
        #expect(Query("cold post-war iron ", stopWords: stop).nearby.isEmpty)
        #expect(Query("cold ", stopWords: stop).nearby.isEmpty)
    }

    @Test func aLongQueryPairsOnlyItsFirstWords() {
        let query = Query("one two three four five six seven eight ", stopWords: stop)
        #expect(query.nearby.count == IndexFormat.maximumNearbyPairs)
        #expect(query.nearby.first == .phrase([.init("one", 0), .init("two", 1)]))
        #expect(query.nearby.last == .phrase([.init("five", 0), .init("six", 1)]))
    }

    @Test func longQueriesAreCut() {
        let query = Query(String(repeating: "word ", count: 2000), stopWords: stop)
        #expect(query.required.count == IndexFormat.maximumQueryParts)
        let oneWord = Query(String(repeating: "x", count: 10_000), stopWords: stop)
        #expect(oneWord.isEmpty)
    }
}
