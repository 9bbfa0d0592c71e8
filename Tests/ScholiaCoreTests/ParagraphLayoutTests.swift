import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender

/// Highlights placed by the layout the Markdown walk records: each would land one character off if a
/// piece's HTML or text length were off by one.
@Suite struct ParagraphLayoutTests {
    let labels = SpeakerLabels(speakers: [])

    func paragraph(_ markdown: String, unsafe: Bool = false) -> TranscriptParagraph {
        TranscriptBuilder.markdown(markdown, unsafeHTML: unsafe, labels: labels).paragraphs[0]
    }

    func open(_ number: Int, first: Bool = true) -> String {
        #"<mark class="annotation kind-note" data-anno="\#(number)""# + (first ? #" id="anno-\#(number)-ref">"# : ">")
    }

    func ref(_ number: Int) -> String {
        ##"<a class="anno-ref kind-note" href="#anno-\##(number)" role="doc-noteref" tabindex="-1" aria-label="Note \##(number)">\##(number)</a>"##
    }

    func mark(_ paragraph: TranscriptParagraph, _ range: Range<Int>) -> String {
        HTMLHighlighter.highlight(paragraph, [.init(range: range, number: 1, kind: .note)])
    }

    @Test func aSoftLineBreakIsOneCharacter() {
        let one = paragraph("one\ntwo")
        #expect(one.plainText == "one two")
        #expect(mark(one, 2..<5) == "on\(open(1))e\nt</mark>\(ref(1))wo")
        #expect(mark(one, 4..<7) == "one\n\(open(1))two</mark>\(ref(1))")
    }

    @Test func aHardLineBreakKeepsItsTagInsideTheMark() {
        let one = paragraph("one  \ntwo")
        #expect(one.html == "one<br />\ntwo")
        #expect(mark(one, 2..<5) == "on\(open(1))e<br />\nt</mark>\(ref(1))wo")
    }

    @Test func entitiesAndNonASCIIText() {
        // "é" is 2 bytes, "🇫🇷" 8 bytes and 2 scalars but one Character, "&amp;" 5 bytes for one.
        let one = paragraph("é & 🇫🇷 <x> z")
        #expect(one.html == "é &amp; 🇫🇷 <!-- raw HTML omitted --> z")
        #expect(one.plainText == "é & 🇫🇷  z")
        #expect(mark(one, 2..<3) == "é \(open(1))&amp;</mark>\(ref(1)) 🇫🇷 <!-- raw HTML omitted --> z")
        #expect(mark(one, 4..<5) == "é &amp; \(open(1))🇫🇷</mark>\(ref(1)) <!-- raw HTML omitted --> z")
        #expect(mark(one, 6..<7) == "é &amp; 🇫🇷 <!-- raw HTML omitted -->\(open(1)) </mark>\(ref(1))z")
        #expect(mark(one, 7..<8) == "é &amp; 🇫🇷 <!-- raw HTML omitted --> \(open(1))z</mark>\(ref(1))")
    }

    @Test func crossingEmphasisLinkAndCode() {
        let one = paragraph("a *é* [l&m](u) `<`.")
        #expect(one.html == #"a <em>é</em> <a href="u">l&amp;m</a> <code>&lt;</code>."#)
        #expect(mark(one, 2..<5) == #"a <em>\#(open(1))é</mark></em>\#(open(1, first: false)) </mark><a href="u">\#(open(1, first: false))l</mark>&amp;m</a>\#(ref(1)) <code>&lt;</code>."#)
        #expect(mark(one, 5..<9) == #"a <em>é</em> <a href="u">l\#(open(1))&amp;m</mark></a>\#(open(1, first: false)) </mark><code>\#(open(1, first: false))&lt;</mark></code>\#(ref(1))."#)
    }

    @Test func rawTagsKeptAreCrossedLikeCmarksOwn() {
        let one = paragraph(#"a <b>bc</b> <a href="/x">de</a> f"#, unsafe: true)
        #expect(one.plainText == "a bc de f")
        #expect(mark(one, 1..<4) == #"a\#(open(1)) </mark><b>\#(open(1, first: false))bc</mark></b>\#(ref(1)) <a href="/x">de</a> f"#)
        // A reference waits until the author's own link is closed.
        #expect(mark(one, 5..<6) == #"a <b>bc</b> <a href="/x">\#(open(1))d</mark>e</a>\#(ref(1)) f"#)
    }

    @Test func aLabelRemovedBeforeTheWalkIsNotCounted() {
        let transcript = TranscriptBuilder.markdown("**MS. ROE:** Well, *now*.", unsafeHTML: false,
                                                    labels: SpeakerLabels(speakers: [.init(id: "roe", labels: ["MS. ROE"], name: "Roe", familyName: "Roe")]))
        let one = transcript.paragraphs[0]
        #expect(one.plainText == "Well, now.")
        #expect(mark(one, 6..<9) == "Well, <em>\(open(1))now</mark></em>\(ref(1)).")
    }

    @Test func plainTextTranscriptsHaveALayoutToo() {
        let one = TranscriptBuilder.plainText("It's [Applause] <b>.", labels: labels).paragraphs[0]
        #expect(one.html == #"It&#39;s <span class="editorial">[Applause]</span> &lt;b&gt;."#)
        #expect(mark(one, 2..<6) == #"It\#(open(1))&#39;s </mark><span class="editorial">\#(open(1, first: false))[</mark>\#(ref(1))Applause]</span> &lt;b&gt;."#)
    }

    /// A block other than a paragraph reads as its HTML's text content did (tags dropped, entities
    /// decoded, white space collapsed), now taken from the Markdown tree.
    @Test(arguments: [false, true]) func otherBlocksReadAsTheirHTML(unsafe: Bool) {
        let source = """
            ## Heading &amp; *more* `code`

            - one **two**
            - three ![alt *x* <b>y</b>](i.png)
              - nested&nbsp;item

            1. loose

            2. list

            > quoted <span>raw</span>
            > text &copy;

            ```swift
            let x = a < b
            ```

            <div class="raw">
            raw &amp; <em>kept</em> <!-- hidden -->
            </div>

            ***

                indented code
            """
        let transcript = TranscriptBuilder.markdown(source, unsafeHTML: unsafe, labels: labels)
        let others = transcript.turns.flatMap(\.blocks).compactMap { block -> (String, String)? in
            if case .other(let html, let text) = block { (html, text) } else { nil }
        }
        #expect(others.count == 8)
        for (html, text) in others {
            #expect(text == InlineHTML.textContent(html).split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(html)")
        }
    }
}
