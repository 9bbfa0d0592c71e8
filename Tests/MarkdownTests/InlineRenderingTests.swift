import Foundation
import Testing
import TextLayout
@testable import Markdown

@Suite struct InlineRenderingTests {
    /// Paragraphs with every kind of inline node, and the characters HTML escapes.
    static let corpus = [
        "Well, the *alternative* is **worse** & `x < y` \"quoted\" 'single'.",
        "Entities: &amp; &lt; &copy; &#x41;&#66; &nbsp;x &quot;q&quot; and a lone & here.",
        "Non-ASCII: café, naïve, e\u{301}, 🇫🇷, 日本語, ’quotes’ — dashes.",
        "Soft\nbreaks\nand a hard one  \nand another\\\nend.",
        "[a link](https://example.org/?a=1&b=2 \"A & B\") and [bad](javascript:alert(1)) and [empty]() and [ref][r].\n\n[r]: /x \"t\"",
        "![an *image* with `code` and <b>raw</b>](a.png \"T & t\") and ![](empty.png) and ![bad](javascript:x).",
        "Autolinks <http://auto.link/?q=1&r=2> and <me@example.org>.",
        "Raw <span class=\"x\">inline</span> HTML, a <br> and <!-- a comment --> and <?pi?> and <img src=\"i.png\" alt=\"alt\"/>.",
        "*[linked **strong** text](/x)* and ***both*** and \\*escaped\\* and `` code with ` tick ``.",
        "Editorial [Applause] and (Inaudible) and (NATO).",
    ]

    func blocks(unsafe: Bool) -> [MarkdownBlock] {
        Self.corpus.flatMap { source in
            let blocks = MarkdownDocument(source, unsafeHTML: unsafe).blocks.filter { $0.kind == .paragraph }
            for block in blocks { block.markEditorialRemarks() }
            return blocks
        }
    }

    @Test(arguments: [false, true]) func theHTMLIsCmarksOwn(unsafe: Bool) {
        for block in blocks(unsafe: unsafe) {
            let rendering = block.inlineRendering
            #expect(rendering.html == block.innerHTML)
            #expect(rendering.plainText == block.plainText)
        }
    }

    @Test(arguments: [false, true]) func piecesCoverTheHTMLAndTheText(unsafe: Bool) {
        for block in blocks(unsafe: unsafe) {
            let rendering = block.inlineRendering
            #expect(rendering.layout.pieces.map(\.htmlLength).reduce(0, +) == rendering.html.utf8.count, "\(rendering.html)")
            #expect(rendering.layout.pieces.map(\.textLength).reduce(0, +) == rendering.plainText.unicodeScalars.count, "\(rendering.html)")
            // Each text piece shows exactly its stretch of the plain text.
            let html = rendering.html.utf8
            let text = Array(rendering.plainText.unicodeScalars)
            var htmlStart = html.startIndex
            var textStart = 0
            for piece in rendering.layout.pieces {
                let htmlEnd = html.index(htmlStart, offsetBy: piece.htmlLength)
                if piece.kind == .text {
                    let shown = unescaped(String(Substring(html[htmlStart..<htmlEnd])))
                    let expected = String(String.UnicodeScalarView(text[textStart..<(textStart + piece.textLength)]))
                    #expect(shown == expected || (shown == "\n" && expected == " "), "\(rendering.html)")
                }
                htmlStart = htmlEnd
                textStart += piece.textLength
            }
        }
    }

    @Test func piecesOfAParagraph() {
        let block = MarkdownDocument("a &amp; *é* [l](u)\n`<`![x](i)").blocks[0]
        let rendering = block.inlineRendering
        #expect(rendering.html == #"a &amp; <em>é</em> <a href="u">l</a>"# + "\n" + #"<code>&lt;</code><img src="i" alt="x" />"#)
        #expect(rendering.plainText == "a & é l <x")
        typealias P = ParagraphLayout.Piece
        #expect(rendering.layout.pieces == [
            P(.text, htmlLength: 8, textLength: 4),       // "a &amp; "
            P(.open, htmlLength: 4), P(.text, htmlLength: 2, textLength: 1), P(.close, htmlLength: 5),  // é: 2 bytes, 1 scalar
            P(.text, htmlLength: 1, textLength: 1),
            P(.openLink, htmlLength: 12), P(.text, htmlLength: 1, textLength: 1), P(.closeLink, htmlLength: 4),
            P(.text, htmlLength: 1, textLength: 1),       // the soft break: "\n" in the HTML, " " in the text
            P(.open, htmlLength: 6), P(.text, htmlLength: 4, textLength: 1), P(.close, htmlLength: 7),
            P(.atom, htmlLength: 23, textLength: 1),
        ])
    }

    @Test func rawHTMLKeptIsSortedByTag() {
        let block = MarkdownDocument("a <b>x</b> <a href=\"/y\">y</a> <br> <img src=\"i\"/> <!-- c -->", unsafeHTML: true).blocks[0]
        let kinds = block.inlineRendering.layout.pieces.map(\.kind).filter { $0 != .text }
        #expect(kinds == [.open, .close, .openLink, .closeLink, .inline, .inline, .inline])
    }

    @Test func readableTextOfOtherBlocks() {
        let source = "## Heading & *more*\n\n- one\n- two ![alt <b>x</b>](i)\n\n> quoted\n> text\n\n```\ncode < block\n```\n\n<div>\nraw &amp; <em>kept</em>\n</div>\n"
        let text = { (unsafe: Bool) in
            MarkdownDocument(source, unsafeHTML: unsafe).blocks.map { $0.readableText(rawHTMLText: { "{\($0)}" }) }
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        }
        #expect(text(false) == ["Heading & more", "one two alt <b>x</b>", "quoted text", "code < block\n", ""])
        #expect(text(true).last == "{<div>\nraw &amp; <em>kept</em>\n</div>\n}")
    }

    private func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
