import Testing
@testable import Markdown

@Suite struct MarkdownDocumentTests {
    @Test func rendersParagraphsAndBlocks() {
        let document = MarkdownDocument("# Title\n\nHello *world*.\n\n- one\n- two\n")
        let blocks = document.blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .other])
        #expect(blocks[1].innerHTML == "Hello <em>world</em>.")
        #expect(blocks[1].plainText == "Hello world.")
        #expect(blocks[1].startLine == 3)
    }

    @Test func omitsRawHTMLUnlessUnsafe() {
        #expect(!MarkdownDocument.html("Hi <script>alert(1)</script>").contains("<script>"))
        #expect(MarkdownDocument.html("Hi <b>x</b>", unsafeHTML: true).contains("<b>x</b>"))
    }

    @Test func removesALabelInsideStrong() {
        let block = MarkdownDocument("**KERRY:** Well, the *alternative*.").blocks[0]
        #expect(block.plainText.hasPrefix("KERRY: "))
        block.removeLeadingText(characters: "KERRY:".count)
        #expect(block.innerHTML == "Well, the <em>alternative</em>.")
    }

    @Test func removesALabelFollowedByAColonOutsideStrong() {
        let block = MarkdownDocument("**MR. SMITH**: Good evening.").blocks[0]
        block.removeLeadingText(characters: "MR. SMITH:".count)
        #expect(block.innerHTML == "Good evening.")
    }

    @Test func marksEditorialRemarks() {
        let html = MarkdownDocument.html("QUESTION: (Inaudible) and [Applause] but not (the Geneva communique) or (NATO).")
        #expect(html.contains(#"<span class="editorial">(Inaudible)</span>"#))
        #expect(html.contains(#"<span class="editorial">[Applause]</span>"#))
        #expect(html.contains("(the Geneva communique)"))
        #expect(html.contains("(NATO)"))
        #expect(!html.contains(#"editorial">(NATO"#))
    }

    @Test func editorialMarkupSurvivesSafeMode() {
        let html = MarkdownDocument.html("[Laughter]")
        #expect(html == "<p><span class=\"editorial\">[Laughter]</span></p>\n")
    }

    @Test func inlineHTMLOfASummary() {
        #expect(MarkdownDocument.inlineHTML("A *short* summary & more") == "A <em>short</em> summary &amp; more")
    }
}
