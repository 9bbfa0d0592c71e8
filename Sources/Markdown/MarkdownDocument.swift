import CCmark
import Foundation

/// A parsed CommonMark document: a thin owner of a cmark node tree.
///
/// Not thread-safe: parse, transform and render it on one thread, then keep only the HTML.
public final class MarkdownDocument {
    let root: OpaquePointer
    let renderOptions: Int32

    /// Parses `source`. Raw HTML is omitted from the output unless `unsafeHTML` is true.
    public init(_ source: String, unsafeHTML: Bool = false) {
        var source = source
        let root = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        self.root = root!
        // cmark splits text at brackets and entities; one node per run of text keeps labels and
        // editorial remarks in one piece.
        cmark_consolidate_text_nodes(self.root)
        self.renderOptions = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    deinit { cmark_node_free(root) }

    /// The top-level blocks, in order.
    public var blocks: [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            blocks.append(MarkdownBlock(node: current, document: self))
            node = cmark_node_next(current)
        }
        return blocks
    }

    /// The whole document as HTML.
    public var html: String { render(root) }

    func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, renderOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

extension MarkdownDocument {
    /// Renders a one-paragraph Markdown string (a summary, a note) to inline HTML, without the `<p>`.
    /// Several paragraphs are kept as they are.
    public static func inlineHTML(_ source: String, unsafeHTML: Bool = false) -> String {
        MarkdownDocument(source, unsafeHTML: unsafeHTML).inlineHTML
    }

    /// A one-paragraph document as inline HTML, without the `<p>`; several paragraphs are kept as they are.
    public var inlineHTML: String {
        let blocks = blocks
        if blocks.count == 1, blocks[0].kind == .paragraph { return blocks[0].innerHTML }
        return html.trimmingCharacters(in: .newlines)
    }

    /// What a reader sees, blocks joined by spaces.
    public var plainText: String { blocks.map(\.plainText).joined(separator: " ") }

    /// Renders Markdown to HTML with editorial remarks marked.
    public static func html(_ source: String, unsafeHTML: Bool = false) -> String {
        let document = MarkdownDocument(source, unsafeHTML: unsafeHTML)
        for block in document.blocks { block.markEditorialRemarks() }
        return document.html
    }
}
