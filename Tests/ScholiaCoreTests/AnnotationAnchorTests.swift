import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

@Suite struct AnnotationAnchorTests {
    static let labels = SpeakerLabels(speakers: [
        .init(id: "john-kerry", labels: ["SECRETARY KERRY"], name: "John F. Kerry", familyName: "Kerry"),
    ])

    /// ¶ 1 question, ¶ 2–3 Kerry, ¶ 4 the question again.
    let transcript = TranscriptBuilder.plainText("""
        QUESTION: (Inaudible), anyway, why should the Syrian people trust "the regime"?

        SECRETARY KERRY: Well, the – let me begin with the alternative. The alternative is worse.

        We don't want the alternative, and I'm not sure anybody does.

        QUESTION: Why should the Syrian people trust it?
        """, labels: labels)

    func note(_ quote: String, prefix: String? = nil, suffix: String? = nil, occurrence: Int? = nil, line: Int = 7) -> Annotation {
        Annotation(quote: quote, prefix: prefix, suffix: suffix, occurrence: occurrence, noteMarkdown: "n",
                   location: SourceLocation(path: "k.notes.yml", line: line, column: 5))
    }

    func anchor(_ annotations: [Annotation], in transcript: Transcript? = nil) -> ([AnchoredAnnotation], [String]) {
        var diagnostics = DiagnosticList()
        let anchored = AnnotationAnchorer.anchor(annotations, in: transcript ?? self.transcript, &diagnostics)
        return (anchored, diagnostics.all.map(\.description))
    }

    func text(_ anchored: AnchoredAnnotation, in transcript: Transcript? = nil) -> String {
        let paragraph = (transcript ?? self.transcript).paragraphs.first { $0.number == anchored.paragraph }!
        return anchored.exact(in: paragraph.plainText)
    }

    @Test func exactQuote() throws {
        let (anchored, errors) = anchor([note("let me begin with the alternative")])
        #expect(errors == [])
        let first = try #require(anchored.first)
        #expect(first.paragraph == 2)
        #expect(first.range == 12..<45)
        #expect(text(first) == "let me begin with the alternative")
        #expect(first.number == 1)
    }

    @Test func typographicVariants() throws {
        let cases: [(String, String)] = [
            ("Well, the - let me", "Well, the – let me"),          // hyphen for en dash
            ("Well, the—let me", "Well, the – let me"),            // em dash without spaces
            ("Well, the -- let me", "Well, the – let me"),         // double hyphen
            ("trust “the regime”?", "trust \"the regime\"?"),      // curly for straight double quotes
            ("We don’t want", "We don't want"),                    // curly for straight apostrophe
            ("anyway, why  should\n the", "anyway, why should the"), // runs of white space
            ("  I'm not sure anybody does.  ", "I'm not sure anybody does."),
        ]
        for (quote, expected) in cases {
            let (anchored, errors) = anchor([note(quote)])
            #expect(errors == [], "\(quote)")
            let first = try #require(anchored.first)
            #expect(text(first) == expected)
        }
    }

    @Test func caseMustMatch() {
        let (anchored, errors) = anchor([note("WELL, THE")])
        #expect(anchored.isEmpty)
        #expect(errors == ["k.notes.yml:7:5: error: no passage of the text matches the quote “WELL, THE”; ¶ 2 has it in other capital letters: “Well, the”"])
    }

    @Test func repeatedPassageIsAmbiguous() {
        let (anchored, errors) = anchor([note("the alternative")])
        #expect(anchored.isEmpty)
        #expect(errors == ["k.notes.yml:7:5: error: the quote “the alternative” occurs twice (¶ 2 and ¶ 3); add 'prefix' or 'suffix' (the words just before or after it) or 'occurrence: N' (1 to 2) to choose one"])
        let (_, more) = anchor([note("alternative")])
        #expect(more == ["k.notes.yml:7:5: error: the quote “alternative” occurs 3 times (¶ 2, ¶ 2 and ¶ 3); add 'prefix' or 'suffix' (the words just before or after it) or 'occurrence: N' (1 to 3) to choose one"])
    }

    @Test func prefixChooses() throws {
        let (anchored, errors) = anchor([note("the alternative", prefix: "don’t want")])
        #expect(errors == [])
        #expect(try #require(anchored.first).paragraph == 3)
    }

    @Test func suffixChooses() throws {
        let (anchored, errors) = anchor([note("alternative", suffix: "is worse")])
        #expect(errors == [])
        let first = try #require(anchored.first)
        #expect(first.paragraph == 2)
        #expect(first.range == 51..<62)
    }

    @Test func occurrenceChooses() throws {
        let (anchored, errors) = anchor([note("alternative", occurrence: 2), note("Syrian people", occurrence: 2)])
        #expect(errors == [])
        #expect(anchored.map(\.paragraph) == [2, 4])
        #expect(anchored[0].range == 51..<62)
    }

    @Test func occurrenceCountsAfterPrefix() throws {
        let (anchored, errors) = anchor([note("alternative", prefix: "the", occurrence: 2)])
        #expect(errors == [])
        #expect(anchored.first?.paragraph == 3)
    }

    @Test func occurrenceBeyondTheMatches() {
        let (_, errors) = anchor([note("Syrian people", occurrence: 3)])
        #expect(errors == ["k.notes.yml:7:5: error: 'occurrence' is 3, but the quote “Syrian people” occurs only twice (¶ 1 and ¶ 4)"])
    }

    @Test func prefixThatMatchesNothing() {
        let (_, errors) = anchor([note("the alternative", prefix: "love")])
        #expect(errors == ["k.notes.yml:7:5: error: the quote “the alternative” occurs twice (¶ 2 and ¶ 3), but never after 'love'; prefix and suffix are the words just before and after it in the same paragraph"])
    }

    @Test func notFoundNamesTheClosestPassage() {
        let (_, errors) = anchor([note("let me begin with the altenrative")])
        #expect(errors == ["k.notes.yml:7:5: error: no passage of the text matches the quote “let me begin with the altenrative”; the closest passage is in ¶ 2: “let me begin with the alternative”"])
        // A mistake at the start: the end of the quote finds the place.
        let (_, atStart) = anchor([note("Wel, anybody does")])
        #expect(atStart == ["k.notes.yml:7:5: error: no passage of the text matches the quote “Wel, anybody does”; the closest passage is in ¶ 3: “sure anybody does”"])
    }

    @Test func notFoundAndNothingClose() {
        let (_, errors) = anchor([note("zebra crossing")])
        #expect(errors == ["k.notes.yml:7:5: error: no passage of the text matches the quote “zebra crossing”, nor anything close to it"])
    }

    @Test func aQuoteSpanningTwoParagraphs() {
        let (_, errors) = anchor([note("The alternative is worse. We don't want")])
        #expect(errors == ["k.notes.yml:7:5: error: the quote “The alternative is worse. We don't want” runs over more than one paragraph (¶ 2 and ¶ 3); an annotation quotes within one paragraph, so split it into one annotation per paragraph"])
        // Across a turn, with the next speaker's label in between.
        let (_, acrossTurn) = anchor([note("anybody does. QUESTION: Why should")])
        #expect(acrossTurn.count == 1)
        #expect(acrossTurn.first?.contains("runs over more than one paragraph (¶ 3 and ¶ 4)") == true)
    }

    @Test func aQuoteWithTheSpeakerLabel() {
        let (_, errors) = anchor([note("SECRETARY KERRY: Well, the")])
        #expect(errors == ["k.notes.yml:7:5: error: the quote “SECRETARY KERRY: Well, the” takes in the speaker label 'SECRETARY KERRY:', which is not part of the quoted text; quote only the words spoken"])
    }

    @Test func anEmptyQuoteMadeInCode() {
        let (_, errors) = anchor([note(" \n ")])
        #expect(errors == ["k.notes.yml:7:5: error: 'quote' is empty: give the passage the annotation is about"])
    }

    @Test func overlappingAnnotationsAreNumberedInDocumentOrder() {
        let (anchored, errors) = anchor([
            note("anybody does", line: 1),
            note("The alternative is worse", line: 2),
            note("begin with the alternative. The alternative", line: 3),
            note("trust \"the regime\"", line: 4),
        ])
        #expect(errors == [])
        #expect(anchored.map(\.number) == [1, 2, 3, 4])
        #expect(anchored.map(\.annotation.location.line) == [4, 3, 2, 1])
        #expect(anchored.map(\.noteID) == ["anno-1", "anno-2", "anno-3", "anno-4"])
        #expect(anchored[1].range.overlaps(anchored[2].range))
    }

    @Test func anchorsOnRenderedMarkdownAcrossInlineMarkup() throws {
        let markdown = TranscriptBuilder.markdown("**SECRETARY KERRY:** Well, the *alternative* is [worse](https://example.org) -- and `code` & \"more\".",
                                                  unsafeHTML: false, labels: Self.labels)
        let (anchored, errors) = anchor([note("alternative is worse — and code & “more”")], in: markdown)
        #expect(errors == [])
        let first = try #require(anchored.first)
        #expect(text(first, in: markdown) == "alternative is worse -- and code & \"more\"")
    }

    @Test func ellipsisMatchesThreeDots() throws {
        let transcript = TranscriptBuilder.plainText("And so… we wait.", labels: Self.labels)
        let (anchored, errors) = anchor([note("so... we wait")], in: transcript)
        #expect(errors == [])
        #expect(text(try #require(anchored.first), in: transcript) == "so… we wait")
    }
}
