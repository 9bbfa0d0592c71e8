import Foundation
import Testing
@testable import Search

/// The analysis reads ASCII paragraphs byte by byte, without the tokenizer: it must find what the tokenizer
/// finds (the rules search.js follows), paragraph by paragraph, position by position.
@Suite struct DocumentAnalysisTests {
    /// Pieces of text that try the edges: case, digits, punctuation next to the letter ranges (`@[`{`),
    /// stop words, words of 64 and 65 characters, and non-ASCII text that sends a paragraph to the tokenizer.
    static let pieces = [
        "The", "talks", "TALKS", "Talked", "and", "of", "x9", "1962", "9x", "a", "I", ",", ".", " ", "  ", "\n", "-", "'", "@", "[", "`", "{",
        "_", "/", "0", "z", "Z", String(repeating: "q", count: 64), String(repeating: "w", count: 65), "monitors", "ceasefire",
    ]
    static let foreign = ["Communiqué", "naïve", "中华人民", "Straße", "ΑΘΗΝΑ"]

    @Test func itFindsTheTokenizersWordsStemsAndPositions() {
        var random = SeededRandom(seed: 7)
        let stemmer = Stemmer(language: "en"), stopWords = IndexFormat.stopWords(language: "en")
        for round in 0..<300 {
            let paragraphs = (0..<(1 + round % 4)).map { _ in
                var text = ""
                for _ in 0..<random.below(40) {
                    text += random.below(25) == 0 ? Self.foreign[random.below(Self.foreign.count)] : Self.pieces[random.below(Self.pieces.count)]
                    if random.below(3) == 0 { text += " " }
                }
                return text
            }
            let searched = document("d\(round)", paragraphs)
            let analysis = AnalysisParts(searched, vocabulary: Vocabulary(language: "en"))

            var expected: [[String]] = []
            var length = 0
            for (number, text) in [(0, searched.headText)] + searched.paragraphs.map({ ($0.number, $0.text) }) {
                let words = Tokenizer.tokens(text).filter { !stopWords.contains($0.text) }
                length += words.count
                if !words.isEmpty { expected.append(["\(number)"] + words.map { "\($0.isCJK ? $0.text : stemmer.stem($0.text))@\($0.position)" }) }
            }
            var found: [[String]] = []
            var start = 0
            for index in stride(from: 0, to: analysis.paragraphs.count, by: 2) {
                let end = Int(analysis.paragraphs[index + 1])
                found.append(["\(analysis.paragraphs[index])"] + (start..<end).map { "\(analysis.stems[Int(analysis.tokens[2 * $0])])@\(analysis.tokens[2 * $0 + 1])" })
                start = end
            }
            #expect(found == expected, "\(paragraphs)")
            #expect(analysis.length == length)
            for (surface, stem) in zip(analysis.surfaces, analysis.surfaceStems) where !surface.unicodeScalars.contains(where: Tokenizer.isCJK) {
                #expect(analysis.stems[Int(stem)] == stemmer.stem(surface))
            }
            #expect(Set(analysis.surfaces).count == analysis.surfaces.count)
            Self.expectEncodedReadsAs(analysis)
        }
    }

    /// The compact form read in place gives back the parts: stems, words, pairs, counts; both as it was written
    /// (its layout noted while writing) and as read back from its bytes (its layout found by reading).
    static func expectEncodedReadsAs(_ parts: AnalysisParts) {
        let fresh = DocumentAnalysis(parts)
        expectReadsAs(fresh, parts)
        expectReadsAs(DocumentAnalysis(encoded: fresh.data)!, parts)
    }

    private static func expectReadsAs(_ analysis: DocumentAnalysis, _ parts: AnalysisParts) {
        var stems: [String] = [], frequencies: [Int] = [], surfaces: [String] = [], surfaceStems: [Int32] = []
        analysis.forEachStem { stems.append(String(decoding: $0, as: UTF8.self)); frequencies.append($1) }
        analysis.forEachSurface { surfaces.append(String(decoding: $0, as: UTF8.self)); surfaceStems.append(Int32($1)) }
        #expect(stems == parts.stems && frequencies == parts.frequencies)
        #expect(surfaces == parts.surfaces && surfaceStems == parts.surfaceStems)
        #expect((analysis.length, analysis.stemCount, analysis.surfaceCount) == (parts.length, parts.stems.count, parts.surfaces.count))
        var pairs: [[Int32]] = []
        analysis.forEachPair { pairs.append([$0, $1, $2, $3, $4]) }
        var expected: [[Int32]] = []
        var start = 0
        for index in stride(from: 0, to: parts.paragraphs.count, by: 2) {
            let end = Int(parts.paragraphs[index + 1])
            for token in stride(from: start + 1, to: end, by: 1) {
                let (first, second) = (2 * (token - 1), 2 * token)
                expected.append([parts.tokens[first], parts.tokens[second], parts.tokens[second + 1] - parts.tokens[first + 1], parts.paragraphs[index], parts.tokens[first + 1]])
            }
            start = end
        }
        #expect(pairs == expected)
        #expect(analysis.pairCount == expected.count)
    }

    /// Cached analyses are read in place: cut or damaged bytes are refused, or read without going out of bounds
    /// (a word's shared start never longer than its stem, every index in range).
    @Test func damagedAnalysesAreRefusedOrReadSafely() {
        let parts = AnalysisParts(document("d", ["Talked talks TALKING communiqué Communique naïve 中华人民 ceasefires"]), vocabulary: Vocabulary(language: "en"))
        let data = DocumentAnalysis(parts).data
        func walk(_ bytes: Data) -> Bool {
            guard let analysis = DocumentAnalysis(encoded: bytes) else { return false }
            analysis.forEachStem { _, _ in }
            analysis.forEachSurface { _, _ in }
            analysis.forEachPair { _, _, _, _, _ in }
            return true
        }
        #expect(walk(data))
        for length in 0..<data.count { #expect(!walk(data.prefix(length)), "cut at \(length)") }
        var random = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            var damaged = data
            damaged[random.below(data.count)] = UInt8(random.below(256))
            _ = walk(damaged)
        }
    }

    @Test func theHeadCountsThreeTimes() {
        let analysis = AnalysisParts(document("treaty", ["treaty treaty"]), vocabulary: Vocabulary(language: "en"))
        // The head is the title and the type ("treaty", "Speech").
        #expect(analysis.stems == ["treati", "speech"])
        #expect(analysis.frequencies == [3 + 2, 3])
    }
}

/// A small deterministic generator (SplitMix64), so that a failing round can be run again.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// The tables the analysis and the merge look words up in.
@Suite struct WordTableTests {
    @Test func aWordIsMadeOnceAndFoundAfterTheTableGrows() {
        var table = WordTable(), made = 0
        for round in 0..<2 {
            for number in 0..<1000 {
                var word = "w\(number)"
                let value = word.withUTF8 { bytes in
                    table.value(of: bytes, hash: WordTable.hash(bytes)) { _ in
                        made += 1
                        return Int32(number)
                    }
                }
                #expect(value == Int32(number), "round \(round)")
            }
        }
        #expect(made == 1000)
    }

    /// Words that share a hash (here all of them, by a hash given on purpose) are told apart by their bytes,
    /// before and after the table grows; so are a word and its prefix.
    @Test func wordsOfOneHashAreToldApartByTheirBytes() {
        var table = WordTable(), made = 0
        for round in 0..<2 {
            for number in 0..<300 {
                var word = number % 2 == 0 ? "w\(number / 2)" : "w\(number / 2)x"
                let value = word.withUTF8 { bytes in
                    table.value(of: bytes, hash: 42) { _ in
                        made += 1
                        return Int32(number)
                    }
                }
                #expect(value == Int32(number), "round \(round)")
            }
        }
        #expect(made == 300)
    }

    @Test func hashNumbersKeepsEveryNumberOfAKeyInOrder() {
        var numbers = HashNumbers(capacity: 4)
        for key in 0..<500 { numbers.insert(UInt64(key) << 40, Int32(key)) }
        numbers.insert(7 << 40, 9000)
        var found: [Int32] = []
        numbers.forEach(7 << 40) { found.append($0); return false }
        #expect(found == [7, 9000])
        found = []
        numbers.forEach(7 << 40) { found.append($0); return true }
        #expect(found == [7])
        numbers.forEach(12345) { _ in Issue.record("an absent key"); return true }
    }
}

/// The index's JSON is written by hand: what it writes must read back as the text and numbers given.
@Suite struct JSONTextTests {
    @Test func stringsAndNumbersReadBackAsGiven() throws {
        let texts = ["", "plain", "\"quoted\" \\ back", "<b>&amp;</b>", "line\nbreak\ttab\r\u{1}\u{1f}", "é中😀", "end<", ">start"]
        let numbers = [0, 7, 9, 10, 99, 100, 12345, -1, -10, -987654321, Int(Int32.max), Int(Int32.min)]
        var json = JSONText()
        json.raw("[[")
        for (index, text) in texts.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(text)
        }
        json.raw("],")
        json.numbers(numbers)
        json.raw("]")
        let written = String(decoding: json.bytes, as: UTF8.self)
        #expect(!written.contains("<") && !written.contains(">") && !written.contains("&"))
        let read = try #require(try JSONSerialization.jsonObject(with: json.data) as? [Any])
        #expect(read[0] as? [String] == texts)
        #expect(read[1] as? [Int] == numbers)
    }
}
