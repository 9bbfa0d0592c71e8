import Foundation
import Testing
@testable import Search

@Suite struct StemNumberingTests {
    /// However the stems are split between parts, the numbering is the one a plain walk gives: every stem once,
    /// in UTF-8 order; each document's stems by those numbers; each stem's words in UTF-8 order with the number
    /// of documents that use them.
    @Test func anyNumberOfPartsGivesThePlainNumbering() {
        var random = SeededRandom(seed: 7)
        let writer = IndexWriter(language: "en")
        let analyses = (0..<120).map { writer.entry(for: IndexUpdateTests.randomDocument($0, version: 0, &random)).analysis }
            + [writer.entry(for: document("accents", ["Communiqué café naïve 東京都 communique"])).analysis]

        var stemTexts: [[String]] = [], counts: [String: [String: Int]] = [:]
        for analysis in analyses {
            var texts: [String] = []
            analysis.forEachStem { bytes, _ in texts.append(String(decoding: bytes, as: UTF8.self)) }
            analysis.forEachSurface { bytes, stem in counts[texts[stem], default: [:]][String(decoding: bytes, as: UTF8.self), default: 0] += 1 }
            stemTexts.append(texts)
        }
        let expectedStems = Set(stemTexts.joined()).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let number = Dictionary(uniqueKeysWithValues: expectedStems.enumerated().map { ($1, Int32($0)) })
        let expectedWords = counts.mapValues { words in
            words.map { IndexState.Word(text: $0, documents: $1) }.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        }
        #expect(expectedStems.count > 200)

        for parts in [1, 2, 3, 16] {
            let numbering = StemNumbering(analyses, parts: parts)
            #expect(numbering.stems == expectedStems, "parts: \(parts)")
            #expect(numbering.globalIDs == stemTexts.map { $0.map { number[$0]! } }, "parts: \(parts)")
            #expect(numbering.words == expectedWords, "parts: \(parts)")
        }
    }

    /// The parts a stem can fall in are all used, so that the cores share the work.
    @Test func stemsSpreadOverEveryPart() {
        var random = SeededRandom(seed: 8)
        let writer = IndexWriter(language: "en")
        var used = Set<Int>()
        for ordinal in 0..<40 {
            writer.entry(for: IndexUpdateTests.randomDocument(ordinal, version: 0, &random)).analysis.forEachStem { bytes, _ in
                used.insert(StemNumbering.part(of: bytes, count: 4))
            }
        }
        #expect(used == [0, 1, 2, 3])
    }
}

@Suite struct VocabularyNumberingTests {
    private func entries(_ writer: IndexWriter, seed: UInt64) -> [IndexEntry] {
        var random = SeededRandom(seed: seed)
        return (0..<80).map { writer.entry(for: IndexUpdateTests.randomDocument($0, version: 0, &random)) }
            + [writer.entry(for: document("accents", ["Communiqué café naïve 東京都 communique the and"]))]
    }

    /// A clean build numbers its analyses from the vocabulary that made them: the same stems, documents' stems and
    /// words as the walk over every analysis gives, whatever order the entries come in.
    @Test func theVocabularyNumbersAsTheWalkDoes() throws {
        let writer = IndexWriter(language: "en")
        let made = entries(writer, seed: 11)
        let shuffled = made.reversed() + []
        let numbering = try #require(writer.vocabulary.numbering(of: shuffled))
        let walked = StemNumbering(shuffled.map(\.analysis), parts: 3)
        #expect(numbering.stems == walked.stems)
        #expect(numbering.globalIDs == walked.globalIDs)
        #expect(numbering.words == walked.words)
        #expect(numbering.stems.count > 100)
    }

    /// Entries that are not exactly the analyses the vocabulary made (one left out, one twice, one from the cache,
    /// one from another build) are numbered by the walk.
    @Test func otherEntriesAreNotNumberedByTheVocabulary() {
        let writer = IndexWriter(language: "en")
        let made = entries(writer, seed: 12)
        #expect(writer.vocabulary.numbering(of: Array(made.dropLast())) == nil)
        #expect(writer.vocabulary.numbering(of: Array(made.dropLast()) + [made[0]]) == nil)
        let cached = IndexEntry(document: made[3].document, encodedText: made[3].encodedText)!
        #expect(writer.vocabulary.numbering(of: made.enumerated().map { $0 == 3 ? cached : $1 }) == nil)
        let other = IndexWriter(language: "en").entry(for: made[5].document)
        #expect(writer.vocabulary.numbering(of: made.enumerated().map { $0 == 5 ? other : $1 }) == nil)
        // It numbers once: its analyses' stem numbers are let go of as it does.
        #expect(writer.vocabulary.numbering(of: made) != nil)
        #expect(writer.vocabulary.numbering(of: made) == nil)
    }
}
