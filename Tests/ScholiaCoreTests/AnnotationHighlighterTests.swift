import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

@Suite struct AnnotationHighlighterTests {
    func open(_ number: Int, _ kind: AnnotationKind = .note, first: Bool = true) -> String {
        "<mark class=\"annotation kind-\(kind.rawValue)\" data-anno=\"\(number)\"\(first ? " id=\"anno-\(number)-ref\"" : "")>"
    }

    func more(_ number: Int, _ kind: AnnotationKind = .note) -> String { open(number, kind, first: false) }

    func ref(_ number: Int, _ kind: AnnotationKind = .note) -> String {
        "<a class=\"anno-ref kind-\(kind.rawValue)\" href=\"#anno-\(number)\" role=\"doc-noteref\" tabindex=\"-1\" aria-label=\"\(kind.title) \(number)\">\(number)</a>"
    }

    /// Marks `ranges` in the one paragraph of `source`, after checking that it is the HTML the test expects.
    func mark(_ source: Source, html: String, _ ranges: [Range<Int>], kinds: [AnnotationKind] = []) -> String {
        let paragraph = source.paragraph
        #expect(paragraph.html == html)
        return HTMLHighlighter.highlight(paragraph, ranges.enumerated().map { index, range in
            .init(range: range, number: index + 1, kind: index < kinds.count ? kinds[index] : .note)
        })
    }

    /// A paragraph's source: Markdown, or a plain-text transcript.
    enum Source: ExpressibleByStringLiteral {
        case markdown(String)
        case plain(String)

        init(stringLiteral value: String) { self = .markdown(value) }

        var paragraph: TranscriptParagraph {
            let labels = SpeakerLabels(speakers: [])
            let transcript = switch self {
            case .markdown(let text): TranscriptBuilder.markdown(text, unsafeHTML: false, labels: labels)
            case .plain(let text): TranscriptBuilder.plainText(text, labels: labels)
            }
            return transcript.paragraphs[0]
        }
    }

    @Test func plainText() {
        #expect(mark("Well, the alternative.", html: "Well, the alternative.", [10..<21]) == "Well, the \(open(1))alternative</mark>\(ref(1)).")
    }

    @Test func noHighlightsLeavesTheHTMLAlone() {
        #expect(mark("a *b* & c", html: "a <em>b</em> &amp; c", []) == "a <em>b</em> &amp; c")
    }

    @Test func wholeText() {
        #expect(mark("abc", html: "abc", [0..<3]) == "\(open(1))abc</mark>\(ref(1))")
    }

    @Test func kindIsInTheClassAndTheLabel() {
        #expect(mark("why?", html: "why?", [0..<4], kinds: [.question]) == "\(open(1, .question))why?</mark>\(ref(1, .question))")
    }

    @Test func crossingIntoEmphasisSplitsTheMark() {
        #expect(mark("Well, the *alternative* is worse", html: "Well, the <em>alternative</em> is worse", [6..<21])
                == "Well, \(open(1))the </mark><em>\(more(1))alternative</mark></em>\(ref(1)) is worse")
    }

    @Test func crossingOutOfEmphasis() {
        #expect(mark("*the alternative* is worse", html: "<em>the alternative</em> is worse", [4..<24])
                == "<em>the \(open(1))alternative</mark></em>\(more(1)) is worse</mark>\(ref(1))")
    }

    @Test func startingAndEndingExactlyAtTags() {
        #expect(mark("a *bc* d", html: "a <em>bc</em> d", [2..<4]) == "a <em>\(open(1))bc</mark></em>\(ref(1)) d")
        #expect(mark("a *bc* d", html: "a <em>bc</em> d", [1..<4]) == "a\(open(1)) </mark><em>\(more(1))bc</mark></em>\(ref(1)) d")
        #expect(mark("a *bc* d", html: "a <em>bc</em> d", [2..<5]) == "a <em>\(open(1))bc</mark></em>\(more(1)) </mark>\(ref(1))d")
    }

    @Test func entitiesCountAsOneCharacter() {
        #expect(mark(.plain("Q & A 'now'"), html: "Q &amp; A &#39;now&#39;", [2..<3]) == "Q \(open(1))&amp;</mark>\(ref(1)) A &#39;now&#39;")
        #expect(mark(.plain("Q & A 'now'"), html: "Q &amp; A &#39;now&#39;", [4..<11]) == "Q &amp; \(open(1))A &#39;now&#39;</mark>\(ref(1))")
        #expect(mark(.plain("\"x\" <y>"), html: "&quot;x&quot; &lt;y&gt;", [0..<3]) == "\(open(1))&quot;x&quot;</mark>\(ref(1)) &lt;y&gt;")
    }

    @Test func nestedEmphasisAndLink() {
        let html = #"a <a href="/x?a=1&amp;b=2"><em>b c</em> d</a> e"#
        #expect(mark("a [*b c* d](/x?a=1&b=2) e", html: html, [4..<7]) == #"a <a href="/x?a=1&amp;b=2"><em>b \#(open(1))c</mark></em>\#(more(1)) d</mark></a>\#(ref(1)) e"#)
    }

    @Test func aReferenceNeverGoesInsideALink() {
        let html = #"see <a href="https://example.org">the page</a>."#
        #expect(mark("see [the page](https://example.org).", html: html, [4..<7]) == #"see <a href="https://example.org">\#(open(1))the</mark> page</a>\#(ref(1))."#)
    }

    @Test func overlappingRangesNest() {
        // 1 = "abcd", 2 = "cdef": 2 opens inside 1, and is closed and reopened where 1 ends.
        #expect(mark("abcdefgh", html: "abcdefgh", [0..<4, 2..<6]) == "\(open(1))ab\(open(2))cd</mark></mark>\(ref(1))\(more(2))ef</mark>\(ref(2))gh")
    }

    @Test func containedRangeSitsInside() {
        #expect(mark("abcdefgh", html: "abcdefgh", [0..<8, 2..<4]) == "\(open(1))ab\(open(2))cd</mark>\(ref(2))efgh</mark>\(ref(1))")
    }

    @Test func sameRangeTwice() {
        #expect(mark("abc", html: "abc", [0..<3, 0..<3]) == "\(open(1))\(open(2))abc</mark></mark>\(ref(1))\(ref(2))")
    }

    @Test func editorialSpansAndCode() {
        let html = #"<span class="editorial">(Inaudible)</span>, anyway, <code>x &lt; y</code>"#
        #expect(mark("(Inaudible), anyway, `x < y`", html: html, [1..<24]) == #"<span class="editorial">("# + open(1) + #"Inaudible)</mark></span>"#
                + more(1) + ", anyway, </mark><code>" + more(1) + "x &lt;</mark>" + ref(1) + " y</code>")
    }

    @Test func lineBreaksAndCommentsMayStayInsideAMark() {
        #expect(mark("a\nb\\\nc<span>d", html: "a\nb<br />\nc<!-- raw HTML omitted -->d", [0..<6])
                == "\(open(1))a\nb<br />\nc<!-- raw HTML omitted -->d</mark>\(ref(1))")
    }

    @Test func anImageCountsAsItsAltText() {
        #expect(mark("x ![a map](a.png) y", html: #"x <img src="a.png" alt="a map" /> y"#, [2..<7]) == #"x \#(open(1))<img src="a.png" alt="a map" /></mark>\#(ref(1)) y"#)
    }

    @Test func offsetsAreCharactersOfTheText() {
        // "é" written decomposed and an emoji flag are one Character each.
        #expect(mark("e\u{301}🇫🇷 *x*", html: "e\u{301}🇫🇷 <em>x</em>", [1..<2]) == "e\u{301}\(open(1))🇫🇷</mark>\(ref(1)) <em>x</em>")
    }

    @Test func rangesBeyondTheTextAreClamped() {
        #expect(mark("abc", html: "abc", [2..<9]) == "ab\(open(1))c</mark>\(ref(1))")
    }

    @Test func highlightsTheRealAnchors() {
        let transcript = TranscriptBuilder.markdown("**SECRETARY KERRY:** Well, the *alternative* is [worse](https://example.org) & `so` on.",
                                                    unsafeHTML: false, labels: AnnotationAnchorTests.labels)
        var diagnostics = DiagnosticList()
        let anchored = AnnotationAnchorer.anchor([
            Annotation(quote: "the alternative is worse", noteMarkdown: "n", location: SourceLocation(path: "x")),
            Annotation(quote: "worse & so", kind: .question, noteMarkdown: "n", location: SourceLocation(path: "x")),
        ], in: transcript, &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let paragraph = transcript.paragraphs[0]
        let html = HTMLHighlighter.highlight(paragraph, anchored.map(\.highlight))
        #expect(html == "Well, \(open(1))the </mark><em>\(more(1))alternative</mark></em>\(more(1)) is </mark><a href=\"https://example.org\">"
                + "\(open(2, .question))\(more(1))worse</mark></mark></a>\(ref(1))\(more(2, .question)) &amp; </mark><code>\(more(2, .question))so</mark></code>\(ref(2, .question)) on.")
    }
}

@Suite struct AnnotationTranscriptHighlightingTests {
    @Test func onlyAnnotatedParagraphsChange() {
        let transcript = TranscriptBuilder.plainText("QUESTION: Why now?\n\nBecause <now> & then.", labels: AnnotationAnchorTests.labels)
        var diagnostics = DiagnosticList()
        let anchored = AnnotationAnchorer.anchor([Annotation(quote: "<now> &", noteMarkdown: "n", location: SourceLocation(path: "x"))],
                                                 in: transcript, &diagnostics)
        let highlighted = transcript.highlighting(anchored)
        #expect(highlighted.paragraphs[0] == transcript.paragraphs[0])
        #expect(highlighted.paragraphs[1].plainText == transcript.paragraphs[1].plainText)
        #expect(highlighted.paragraphs[1].html == #"Because <mark class="annotation kind-note" data-anno="1" id="anno-1-ref">&lt;now&gt; &amp;</mark>"#
                + ##"<a class="anno-ref kind-note" href="#anno-1" role="doc-noteref" tabindex="-1" aria-label="Note 1">1</a> then."##)
        #expect(highlighted.turns.map(\.label) == transcript.turns.map(\.label))
    }
}

@Suite struct AnnotationMarkupSafetyTests {
    @Test func scriptInTheTextStaysEscapedWhenHighlighted() throws {
        let transcript = TranscriptBuilder.plainText("He typed <script>alert('x')</script> here.", labels: AnnotationAnchorTests.labels)
        var diagnostics = DiagnosticList()
        let anchored = AnnotationAnchorer.anchor([Annotation(quote: "<script>alert(’x’)</script>", noteMarkdown: "n",
                                                             location: SourceLocation(path: "x"))], in: transcript, &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let html = try #require(transcript.highlighting(anchored).paragraphs.first?.html)
        #expect(!html.contains("<script"))
        #expect(html.contains(#"id="anno-1-ref">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</mark>"#))
    }
}
