import CCmark
import Foundation
import TextLayout

/// A paragraph's content as inline HTML, with its plain text and how the two line up, made in one walk of
/// the tree. The HTML is byte for byte what cmark renders (tested); the pieces let a caller find the HTML
/// position of any plain-text offset without reading the HTML again.
public struct InlineRendering: Equatable, Sendable {
    public var html: String
    /// What a reader sees: text and code as written, a line break as a space, an image as its description.
    public var plainText: String
    /// How the HTML and the plain text line up: consecutive pieces whose lengths add up to each.
    package var layout: ParagraphLayout
}

extension MarkdownBlock {
    /// The block's content (a paragraph's inlines) rendered; see `InlineRendering`.
    public var inlineRendering: InlineRendering {
        var writer = InlineWriter(options: document.renderOptions)
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        // An image is written whole on entering it; its children only add to the plain text.
        var image: OpaquePointer?
        var imageText = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), current != node else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if let open = image {
                if current == open {
                    writer.pieces[writer.pieces.count - 1].textLength = imageText
                    image = nil
                } else if entering {
                    imageText += writer.addPlainText(of: current)
                }
                continue
            }
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE {
                writer.markup(document.render(current), .atom)
                image = current
                imageText = 0
                continue
            }
            writer.write(current, entering: entering)
        }
        return InlineRendering(html: writer.html, plainText: writer.plainText, layout: ParagraphLayout(writer.pieces))
    }
}

/// Writes inline nodes as cmark's HTML renderer does (cmark 0.30, `html.c`), keeping count of pieces.
private struct InlineWriter {
    let options: Int32
    var html = ""
    var plainText = ""
    var pieces: [ParagraphLayout.Piece] = []

    init(options: Int32) { self.options = options }

    mutating func write(_ node: OpaquePointer, entering: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            text(literal(node))
        case CMARK_NODE_SOFTBREAK:
            text("\n", plain: " ")
        case CMARK_NODE_LINEBREAK:
            markup("<br />", .inline)
            text("\n", plain: " ")
        case CMARK_NODE_CODE:
            markup("<code>", .open)
            text(literal(node))
            markup("</code>", .close)
        case CMARK_NODE_HTML_INLINE:
            if options & CMARK_OPT_UNSAFE != 0 {
                let raw = literal(node)
                markup(raw, RawTag.kind(of: raw))
            } else {
                markup("<!-- raw HTML omitted -->", .inline)
            }
        case CMARK_NODE_CUSTOM_INLINE:
            let tag = (entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node)).map { String(cString: $0) } ?? ""
            markup(tag, entering ? .open : .close)
        case CMARK_NODE_EMPH:
            markup(entering ? "<em>" : "</em>", entering ? .open : .close)
        case CMARK_NODE_STRONG:
            markup(entering ? "<strong>" : "</strong>", entering ? .open : .close)
        case CMARK_NODE_LINK:
            markup(entering ? linkStartTag(node) : "</a>", entering ? .openLink : .closeLink)
        default:
            break
        }
    }

    /// Adds what an image's child contributes to the plain text, and returns its length in scalars.
    mutating func addPlainText(of node: OpaquePointer) -> Int {
        let added: String
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: added = literal(node)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: added = " "
        default: return 0
        }
        plainText += added
        return added.unicodeScalars.count
    }

    private mutating func text(_ literal: String, plain: String? = nil) {
        let plain = plain ?? literal
        let escaped = Self.escape(literal)
        html += escaped
        plainText += plain
        pieces.append(.init(.text, htmlLength: escaped.utf8.count, textLength: plain.unicodeScalars.count))
    }

    mutating func markup(_ tag: String, _ kind: ParagraphLayout.Kind) {
        guard !tag.isEmpty else { return }
        html += tag
        pieces.append(.init(kind, htmlLength: tag.utf8.count))
    }

    /// cmark renders a link's start tag (its URL escaping and safety check are its own) for an empty copy.
    private func linkStartTag(_ link: OpaquePointer) -> String {
        let copy = cmark_node_new(CMARK_NODE_LINK)!
        defer { cmark_node_free(copy) }
        cmark_node_set_url(copy, cmark_node_get_url(link))
        cmark_node_set_title(copy, cmark_node_get_title(link))
        guard let rendered = cmark_render_html(copy, options) else { return "" }
        defer { free(rendered) }
        return String(String(cString: rendered).dropLast("</a>".count))
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// cmark's text escaping: only `&`, `<`, `>` and `"`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
