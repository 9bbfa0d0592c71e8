import Testing
@testable import ScholiaModel
@testable import ScholiaRender

/// A closed note shows its first words: cut between words, never inside markup or an escaped character.
@Suite struct NoteTeaserTests {
    @Test func aShortNoteIsShownWhole() {
        #expect(TranscriptHTML.teaser("<p>The reporter is not named.</p>\n") == "The reporter is not named.")
    }

    @Test func aLongNoteIsCutBetweenWordsWithAnEllipsis() {
        let teaser = TranscriptHTML.teaser("<p>Kerry and Lavrov had announced that evening that they would try</p>", limit: 36)
        #expect(teaser == "Kerry and Lavrov had announced that…")
        #expect(TranscriptHTML.teaser("<p>Kerry ends by listing four men who, he says, want peace.</p>", limit: 35) == "Kerry ends by listing four men who…",
                "no comma before the ellipsis")
    }

    @Test func markupIsDroppedAndEscapesStayWhole() {
        let teaser = TranscriptHTML.teaser("<p>A <em>communiqué</em> &amp; a <a href=\"#x\">protocol</a> signed at Geneva in June</p>", limit: 30)
        #expect(teaser == "A communiqué &amp; a protocol…")
        #expect(TranscriptHTML.teaser("<p>&quot;Mutual consent&quot; is the communiqué&#39;s own formula.</p>")
                == "&quot;Mutual consent&quot;…", "an escaped quote at the cut keeps its semicolon")
    }
}
