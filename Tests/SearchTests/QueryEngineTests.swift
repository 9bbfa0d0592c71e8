import Testing
@testable import Search

@Suite struct QueryEngineTests {
    let documents = [
        document("syria", year: 2013, speakers: ["kerry", "lavrov"], topics: ["diplomacy"], lists: ["week-7"],
                 ["We discussed the Geneva communiqué and chemical weapons.", "Chemical weapons must never be used; the weapons are chemical."]),
        document("korea", year: 1950, speakers: ["truman"], topics: ["korean-war"],
                 ["Communist forces invaded the Republic of Korea.", "I have ordered United States air and sea forces."]),
        document("inaugural", year: 1961, type: "address", speakers: ["kennedy"], topics: ["cold-war"], lists: ["week-7"],
                 ["Ask not what your country can do for you.", "Let us never negotiate out of fear, but let us never fear to negotiate."]),
        document("debate", year: 1960, type: "debate", speakers: ["kennedy", "nixon"], topics: ["cold-war"],
                 ["The question is whether the world will exist half slave and half free.", "Weapons and forces of the free world."]),
    ]

    @Test func allWordsMustAppear() throws {
        let search = try index(documents)
        #expect(ids(search.search("forces"), documents).sorted() == ["debate", "korea"])
        #expect(ids(search.search("forces korea"), documents) == ["korea"])
        #expect(search.search("forces xylophone").hits.isEmpty)
    }

    @Test func stemsMatchOtherFormsOfAWord() throws {
        let search = try index(documents)
        #expect(ids(search.search("negotiations "), documents).isEmpty) // "negotiations" is not a word of the index
        #expect(ids(search.search("negotiate"), documents) == ["inaugural"])
        #expect(ids(search.search("invade "), documents).isEmpty)
        #expect(ids(search.search("invaded"), documents) == ["korea"])
    }

    @Test func diacriticsAreFolded() throws {
        let search = try index(documents)
        #expect(ids(search.search("communique"), documents) == ["syria"])
        #expect(ids(search.search("COMMUNIQUÉ"), documents) == ["syria"])
    }

    @Test func bm25RanksMoreFrequentUseFirst() throws {
        let search = try index(documents)
        #expect(ids(search.search("weapons "), documents) == ["syria", "debate"])
    }

    @Test func phrasesNeedTheWordsInOrder() throws {
        let search = try index(documents)
        #expect(ids(search.search("\"chemical weapons\""), documents) == ["syria"])
        #expect(ids(search.search("\"weapons chemical\""), documents).isEmpty)
        #expect(ids(search.search("\"half slave and half free\""), documents) == ["debate"])
        #expect(ids(search.search("\"half free and half slave\""), documents).isEmpty)
        let hit = try #require(search.search("\"chemical weapons\"").hits.first)
        #expect(hit.paragraphs.map(\.number) == [1, 2])
    }

    @Test func wordsSideBySideRankAboveTheSameWordsApart() throws {
        let apart = document("apart", year: 2000, ["The union was strong and the war was cold.", "Of state affairs nothing was said."])
        let together = document("together", year: 1990, ["The senator spoke long about many things, then of the cold war, then of the state of the union, then of the budget, at length."])
        let both = [apart, together]
        let search = try index(both)
        // BM25 alone prefers the shorter document; words typed side by side that stand so outweigh that.
        #expect(ids(search.search("cold war "), both) == ["together", "apart"])
        #expect(ids(search.search("war cold "), both) == ["apart", "together"])
        // Stop words between them count, as in a phrase.
        #expect(ids(search.search("state of the union "), both) == ["together", "apart"])
        #expect(ids(search.search("state union "), both) == ["apart", "together"])
        let hit = try #require(search.search("cold war ").hits.first)
        #expect(hit.paragraphs.map(\.number) == [1])
    }

    @Test func excludedWordsRemoveDocuments() throws {
        let search = try index(documents)
        #expect(ids(search.search("forces -korea"), documents) == ["debate"])
        #expect(ids(search.search("forces -\"free world\""), documents) == ["korea"])
    }

    @Test func theLastWordIsAPrefix() throws {
        let search = try index(documents)
        #expect(ids(search.search("commun"), documents).sorted() == ["korea", "syria"])
        #expect(search.search("commun ").hits.isEmpty)
    }

    @Test func hitsArePerParagraphWithPositions() throws {
        let search = try index(documents)
        let hit = try #require(search.search("never fear").hits.first)
        #expect(hit.paragraphs.map(\.number) == [2])
        #expect(hit.paragraphs[0].positions == [2, 6, 10, 11])
    }

    @Test func facetsFilterAndCount() throws {
        let search = try index(documents)
        let browse = search.search("")
        #expect(browse.hits.map(\.ordinal) == [0, 1, 2, 3])
        #expect(browse.facets["speaker"]?.first == FacetCount(id: "kennedy", label: "KENNEDY", count: 2))
        #expect(browse.facets["year"]?.map(\.id) == ["2010-2019", "1960-1969", "1950-1959"])
        #expect(browse.facets["list"]?.first?.count == 2)
        #expect(ids(search.search("", filters: SearchFilters(speaker: "kennedy")), documents) == ["inaugural", "debate"])
        #expect(ids(search.search("", filters: SearchFilters(speaker: "kennedy", type: "debate")), documents) == ["debate"])
        #expect(ids(search.search("", filters: SearchFilters(years: 1950...1960)), documents) == ["korea", "debate"])
        #expect(ids(search.search("forces", filters: SearchFilters(topic: "cold-war")), documents) == ["debate"])
        #expect(ids(search.search("", filters: SearchFilters(list: "week-7")), documents) == ["syria", "inaugural"])
        #expect(search.search("", filters: SearchFilters(speaker: "nobody")).hits.isEmpty)
        #expect(search.search("weapons", filters: SearchFilters(speaker: "kerry")).facets["speaker"]?.map(\.id) == ["kerry", "lavrov"])
    }

    @Test func sortByDateIsSiteOrder() throws {
        let search = try index(documents)
        #expect(ids(search.search("forces weapons", order: .date), documents) == ["debate"])
        #expect(ids(search.search("forces", order: .date), documents) == ["korea", "debate"])
    }

    @Test func badInputGivesAMessageNotACrash() throws {
        let search = try index(documents)
        #expect(search.search("the of and").message?.contains("Only very common words") == true)
        #expect(search.search("-").message == "The query has no words to search for.")
        #expect(search.search(".*[a-z]+(").hits.isEmpty)
        #expect(search.search("\"unbalanced quote").message == "No results.")
        #expect(search.search("مرحبا").message == "No results.")
        #expect(search.search("中华人民").message == "No results.")
        #expect(search.search(String(repeating: "forces ", count: 1500)).hits.count == 2)
        #expect(search.search(String(repeating: "é", count: 10_000)).hits.isEmpty)
    }

    @Test func cjkTextIsFoundByItsPairs() throws {
        let cjk = [document("zh", ["中华人民共和国成立。"]), document("other", ["人民日报"])]
        let search = try index(cjk, language: "zh")
        #expect(ids(search.search("人民共和国"), cjk) == ["zh"])
        #expect(ids(search.search("人民"), cjk).sorted() == ["other", "zh"])
    }

    @Test func snippetsCutAroundTheFirstMatchAndMarkIt() {
        let text = (1...50).map { "w\($0)" }.joined(separator: " ")
        let snippet = Snippet(text, positions: [20])
        #expect(snippet.text.hasPrefix("…w13 "))
        #expect(snippet.text.hasSuffix("w42…"))
        let scalars = Array(snippet.text.unicodeScalars)
        #expect(snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0])) } == ["w21"])
        #expect(Snippet("Short text.", positions: []).text == "Short text.")
    }
}
