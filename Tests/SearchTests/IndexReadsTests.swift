import Foundation
import Testing
@testable import Search

/// What a query reads of the index: only the files its words, phrases and hits need.
@Suite struct IndexReadsTests {
    /// 600 documents (three facet blocks), each with a word of its own and common words.
    static let documents = (0..<600).map { number in
        document("d\(number)", speakers: ["s\(number % 7)"], ["common words here and unique\(number)", "more common text for everyone"])
    }

    final class Recorder: @unchecked Sendable {
        var read: [String] = []
    }

    func index(_ documents: [SearchDocument]) throws -> (SearchIndex, Recorder) {
        let files = IndexWriter(language: "en").files(for: documents)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.data) })
        let recorder = Recorder()
        let search = try SearchIndex { path in
            recorder.read.append(path)
            return byPath[path]
        }
        return (search, recorder)
    }

    @Test func aRareWordReadsItsWordsFileOneShardOneFacetBlockAndItsDisplayData() throws {
        let (search, recorder) = try index(Self.documents)
        let results = search.search("unique300 ", paragraphsFor: 10)
        #expect(results.hits.map(\.ordinal) == [300])
        #expect(results.hits[0].paragraphs.map(\.number) == [1])
        #expect(recorder.read.filter { $0.hasPrefix("terms/") }.count == 1)
        #expect(recorder.read.filter { $0.hasPrefix("pairs/") }.isEmpty)
        #expect(recorder.read.filter { $0.hasPrefix("facets/") } == ["facets/1.json"])
        #expect(recorder.read.filter { $0.hasPrefix("docs/") } == ["docs/300.json"])
        #expect(results.facets["speaker"] == [FacetCount(id: "s6", label: "S6", count: 1)])
    }

    @Test func aPhraseReadsPairsAndNoPostings() throws {
        let (search, recorder) = try index(Self.documents)
        let results = search.search("\"here and unique42\"")
        #expect(results.hits.map(\.ordinal) == [42])
        #expect(recorder.read.filter { $0.hasPrefix("terms/") }.isEmpty)
        #expect(recorder.read.filter { $0.hasPrefix("pairs/") }.count == 1)
    }

    @Test func browsingReadsNoFacetBlockButAFilterReadsThemAll() throws {
        let (search, recorder) = try index(Self.documents)
        let browse = search.search("")
        #expect(browse.hits.count == 600)
        #expect(browse.facets["speaker"]?.first == FacetCount(id: "s0", label: "S0", count: 86))
        #expect(recorder.read.filter { $0.hasPrefix("facets/") }.isEmpty)
        let filtered = search.search("", filters: SearchFilters(speaker: "s3"))
        #expect(filtered.hits.count == 86)
        #expect(Set(recorder.read.filter { $0.hasPrefix("facets/") }) == ["facets/0.json", "facets/1.json", "facets/2.json"])
    }

    @Test func aTwoCharacterPrefixReadsEveryWordsFileItBegins() throws {
        let documents = [document("a", ["negotiate"]), document("b", ["never"]), document("c", ["nothing"])]
        let (search, recorder) = try index(documents)
        #expect(search.search("ne").hits.map(\.ordinal).sorted() == [0, 1])
        #expect(Set(recorder.read.filter { $0.hasPrefix("words/") }) == ["words/neg.json", "words/nev.json"])
    }

    @Test func onlyTheFirstHitsGetTheirParagraphs() throws {
        let (search, recorder) = try index(Self.documents)
        let results = search.search("common", paragraphsFor: 10)
        #expect(results.hits.count == 600)
        #expect(results.hits.prefix(10).allSatisfy { !$0.paragraphs.isEmpty })
        #expect(results.hits.dropFirst(10).allSatisfy { $0.paragraphs.isEmpty })
        #expect(recorder.read.filter { $0.hasPrefix("docs/") }.count == 10)
    }
}
