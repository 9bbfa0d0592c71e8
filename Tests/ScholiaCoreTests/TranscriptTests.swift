import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

@Suite struct TranscriptTests {
    let labels = SpeakerLabels(speakers: [
        .init(id: "john-kerry", labels: ["SECRETARY KERRY"], name: "John F. Kerry", familyName: "Kerry"),
        .init(id: "howard-k-smith", labels: ["Howard K Smith"], name: "Howard K. Smith", familyName: "Smith"),
        .init(id: "sergey-lavrov", labels: [], name: "Sergey V. Lavrov", familyName: "Lavrov"),
    ])

    func turns(_ transcript: Transcript) -> [String?] { transcript.turns.map(\.speakerID) }

    @Test func plainTextTurnsAndParagraphs() {
        let text = "QUESTION: (Inaudible), anyway,\nwhy now?\n\nSECRETARY KERRY: Well, the –\nalternative.\n\nNow, up until now.\n"
        let transcript = TranscriptBuilder.plainText(text, labels: labels)
        #expect(turns(transcript) == ["question", "john-kerry"])
        #expect(transcript.turns[0].isDeclaredSpeaker == false)
        #expect(transcript.turns[1].isDeclaredSpeaker == true)
        #expect(transcript.turns[1].label == "SECRETARY KERRY")
        let paragraphs = transcript.paragraphs
        #expect(paragraphs.map(\.number) == [1, 2, 3])
        #expect(paragraphs[0].plainText == "(Inaudible), anyway, why now?")
        #expect(paragraphs[0].html == #"<span class="editorial">(Inaudible)</span>, anyway, why now?"#)
        #expect(paragraphs[1].plainText == "Well, the – alternative.")
    }

    @Test func declaredLabelsMatchInAnyCase() {
        let transcript = TranscriptBuilder.plainText("Howard K. Smith: Good evening.\n\nhoward k smith: Again.", labels: labels)
        #expect(turns(transcript) == ["howard-k-smith", "howard-k-smith"])
    }

    @Test func aFamilyNameAtTheEndOfALabelNamesTheSpeaker() {
        let transcript = TranscriptBuilder.plainText("FOREIGN MINISTER LAVROV: Thank you.\n\nMR. SMITH: Next.", labels: labels)
        #expect(turns(transcript) == ["sergey-lavrov", "howard-k-smith"])
    }

    @Test func aTitleCaseLabelEndingInAFamilyNameIsThatSpeakers() {
        let transcript = TranscriptBuilder.plainText("Foreign Minister Lavrov: Yes.\n\nThanks to Lavrov: not a label.", labels: labels)
        #expect(turns(transcript) == ["sergey-lavrov"])
        #expect(transcript.turns[0].blocks.count == 2)
    }

    @Test func lettersOnlyHaveDeclaredLabels() {
        let letter = SpeakerLabels(speakers: [.init(id: "abraham-lincoln", labels: [], name: "Abraham Lincoln", familyName: "Lincoln")], guessesLabels: false)
        let transcript = TranscriptBuilder.plainText("DEAR SIR: I have just read yours.\n\nABRAHAM LINCOLN: signed.", labels: letter)
        #expect(transcript.turns.map(\.speakerID) == [nil, "abraham-lincoln"])
    }

    @Test func ordinarySentencesWithColonsAreNotLabels() {
        let transcript = TranscriptBuilder.plainText("The parties are these: the regime and the opposition.\n\nNote: mixed case.", labels: labels)
        #expect(transcript.turns.count == 1)
        #expect(transcript.turns[0].label == nil)
        #expect(transcript.paragraphs.count == 2)
    }

    @Test func plainTextIsNeverMarkdown() {
        let transcript = TranscriptBuilder.plainText("QUESTION: *not emphasis* <script>alert(1)</script> & [link](x)", labels: labels)
        let html = transcript.paragraphs[0].html
        #expect(html.contains("*not emphasis*"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&amp;"))
    }

    @Test func markdownTurnsWithBoldLabels() {
        let text = "**SECRETARY KERRY:** Well, *the* alternative.\n\n**Howard K Smith**: Good evening.\n\nStill Smith.\n"
        let transcript = TranscriptBuilder.markdown(text, unsafeHTML: false, labels: labels)
        #expect(turns(transcript) == ["john-kerry", "howard-k-smith"])
        #expect(transcript.paragraphs[0].html == "Well, <em>the</em> alternative.")
        #expect(transcript.paragraphs[1].html == "Good evening.")
        #expect(transcript.turns[1].blocks.count == 2)
    }

    @Test func aHeadingEndsATurn() {
        let text = "QUESTION: One?\n\n## Part two\n\nNarration.\n"
        let transcript = TranscriptBuilder.markdown(text, unsafeHTML: false, labels: labels)
        #expect(turns(transcript) == ["question", nil, nil])
        #expect(transcript.paragraphs.map(\.number) == [1, 2])
    }

    @Test func markdownOmitsRawHTMLUnlessAllowed() {
        let text = "QUESTION: Hello <script>alert(1)</script>"
        #expect(!TranscriptBuilder.markdown(text, unsafeHTML: false, labels: labels).paragraphs[0].html.contains("<script>"))
        #expect(TranscriptBuilder.markdown(text, unsafeHTML: true, labels: labels).paragraphs[0].html.contains("<script>"))
    }

    @Test func transcriptHTMLHasTurnsAnchorsAndLinks() {
        let transcript = TranscriptBuilder.plainText("Intro.\n\nQUESTION: Why?\n\nSECRETARY KERRY: Because.", labels: labels)
        var config = SiteConfig()
        config.baseURL = "https://example.edu/hist210/"
        let html = TranscriptHTML(routes: Routes(config: config)).render(transcript)
        #expect(html.contains(#"<div class="passage">"#))
        #expect(html.contains(#"<div class="turn" data-speaker="question">"#))
        #expect(html.contains(##"<p id="p2"><a class="paragraph-number" href="#p2" aria-label="Paragraph 2">2</a><span class="speaker-label">QUESTION</span>: Why?</p>"##))
        #expect(html.contains(#"<div class="turn" data-speaker="john-kerry">"#))
        #expect(html.contains(#"<a class="speaker-label" href="/hist210/speakers/john-kerry/">SECRETARY KERRY</a>: Because."#))
    }
}
