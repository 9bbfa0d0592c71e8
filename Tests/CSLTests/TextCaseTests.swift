import Testing
@testable import CSL

@Suite struct TextCaseTests {
    func apply(_ textCase: TextCase, _ text: String) -> String {
        TextCaser.apply(textCase, to: RichText.parse(text)).plainText
    }

    @Test func titleCaseKeepsStopWordsLowercase() {
        #expect(apply(.title, "the lord of the rings: the return of the king") ==
            "The Lord of the Rings: The Return of the King")
        #expect(apply(.title, "out-of-fashion ideas") == "Out-of-Fashion Ideas")
        #expect(apply(.title, "UK politics") == "UK Politics")
    }

    @Test func nocaseIsProtected() {
        #expect(apply(.uppercase, #"a <span class="nocase">mIxEd</span> word"#) == "A mIxEd WORD")
    }

    @Test func sentenceAndCapitalize() {
        #expect(apply(.sentence, "This Is A Title") == "This is a title")
        #expect(apply(.capitalizeFirst, "hello world") == "Hello world")
        #expect(apply(.capitalizeAll, "hello world") == "Hello World")
    }
}
