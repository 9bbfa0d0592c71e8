import Testing
@testable import Search

@Suite struct TokenizerTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(Tokenizer.tokens("Communiqué ÉLAN Ångström naïve").map(\.text) == ["communique", "elan", "angstrom", "naive"])
    }

    @Test func decomposedInputFoldsTheSame() {
        #expect(Tokenizer.tokens("Communique\u{301}").map(\.text) == ["communique"])
    }

    @Test func countsEveryWordForPositionsAndKeepsOffsets() {
        let tokens = Tokenizer.tokens("The state, of—the union!")
        #expect(tokens.map(\.text) == ["the", "state", "of", "the", "union"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4])
        #expect(tokens[1].start == 4 && tokens[1].end == 9)
    }

    @Test func splitsAtApostrophesAndPunctuation() {
        #expect(Tokenizer.tokens("don't U.S.-led 1962").map(\.text) == ["don", "t", "u", "s", "led", "1962"])
    }

    @Test func cjkRunsGiveOverlappingPairs() {
        let tokens = Tokenizer.tokens("中华人民 共")
        #expect(tokens.map(\.text) == ["中华", "华人", "人民", "共"])
        #expect(tokens.allSatisfy { $0.isCJK })
        #expect(tokens.map(\.position) == [0, 1, 2, 3])
    }

    @Test func cjkNextToLatinSplits() {
        #expect(Tokenizer.tokens("UN安理会vote").map(\.text) == ["un", "安理", "理会", "vote"])
    }

    @Test func rightToLeftWordsAreWords() {
        #expect(Tokenizer.tokens("مرحبا שלום").map(\.text).count == 2)
    }

    @Test func overlongWordIsSkippedButCounted() {
        let tokens = Tokenizer.tokens(String(repeating: "x", count: 65) + " after")
        #expect(tokens.map(\.text) == ["after"])
        #expect(tokens[0].position == 1)
    }

    @Test func nothingToTokenize() {
        #expect(Tokenizer.tokens("").isEmpty)
        #expect(Tokenizer.tokens(" -- ... \"\" ").isEmpty)
    }
}

@Suite struct StemmerTests {
    @Test func englishStemsWordForms() {
        let stemmer = Stemmer(language: "en-US")
        #expect(stemmer.algorithm == "english")
        #expect(stemmer.stem("negotiations") == stemmer.stem("negotiating"))
        #expect(stemmer.stem("running") == "run")
    }

    @Test func frenchForAFrenchSite() {
        let stemmer = Stemmer(language: "fr")
        #expect(stemmer.algorithm == "french")
        #expect(stemmer.stem("diplomatiques") == stemmer.stem("diplomatique"))
    }

    @Test func unknownLanguageKeepsWords() {
        let stemmer = Stemmer(language: "zh-Hans")
        #expect(stemmer.algorithm == nil)
        #expect(stemmer.stem("running") == "running")
    }
}
