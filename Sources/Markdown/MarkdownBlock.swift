import CCmark
import Foundation

/// One top-level block of a `MarkdownDocument`.
public struct MarkdownBlock {
    public enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        case other
    }

    let node: OpaquePointer
    // Strong: a block keeps its tree alive, so it may outlive the expression that parsed it.
    let document: MarkdownDocument

    public var kind: Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        default: .other
        }
    }

    /// The 1-based source line where the block starts.
    public var startLine: Int { Int(cmark_node_get_start_line(node)) }

    /// The text a reader sees, without markup; line breaks read as spaces.
    public var plainText: String {
        var text = ""
        walk(node) { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        return text
    }

    /// The block as HTML.
    public var html: String { document.render(node) }

    /// The content of a paragraph or heading as HTML, without its enclosing tag.
    public var innerHTML: String {
        var html = document.render(node)
        if html.hasSuffix("\n") { html.removeLast() }
        guard html.hasPrefix("<"), let open = html.firstIndex(of: ">"),
              let close = html.range(of: "</", options: .backwards) else { return html }
        return String(html[html.index(after: open)..<close.lowerBound])
    }

    /// Removes the first `count` characters of the block's plain text (a speaker label), with any
    /// emphasis left empty by the removal, then the white space that followed.
    public func removeLeadingText(characters count: Int) {
        var remaining = count
        var emptied: [OpaquePointer] = []
        walk(node) { child in
            guard remaining > 0 else { return }
            let type = cmark_node_get_type(child)
            guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child) else {
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    remaining -= 1
                    emptied.append(child)
                }
                return
            }
            let text = String(cString: literal)
            if text.count <= remaining {
                remaining -= text.count
                emptied.append(child)
            } else {
                cmark_node_set_literal(child, String(text.dropFirst(remaining)))
                remaining = 0
            }
        }
        for child in emptied { cmark_node_free(child) }
        removeEmptyInlines(in: node)
        trimLeadingWhitespace()
    }

    /// Wraps bracketed or parenthesised editorial remarks (`[Applause]`, `(Inaudible)`) in
    /// `<span class="editorial">`.
    public func markEditorialRemarks() {
        var textNodes: [OpaquePointer] = []
        walk(node) { child in
            if cmark_node_get_type(child) == CMARK_NODE_TEXT { textNodes.append(child) }
        }
        for textNode in textNodes {
            guard let literal = cmark_node_get_literal(textNode) else { continue }
            let text = String(cString: literal)
            let ranges = EditorialRemarks.ranges(in: text)
            guard !ranges.isEmpty else { continue }
            var cursor = text.startIndex
            for range in ranges {
                if cursor < range.lowerBound { insertText(String(text[cursor..<range.lowerBound]), before: textNode) }
                let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(span, #"<span class="editorial">"#)
                cmark_node_set_on_exit(span, "</span>")
                let inner = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(inner, String(text[range]))
                cmark_node_append_child(span, inner)
                cmark_node_insert_before(textNode, span)
                cursor = range.upperBound
            }
            if cursor < text.endIndex { insertText(String(text[cursor...]), before: textNode) }
            cmark_node_free(textNode)
        }
    }

    private func insertText(_ text: String, before node: OpaquePointer) {
        let textNode = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(textNode, text)
        cmark_node_insert_before(node, textNode)
    }

    private func trimLeadingWhitespace() {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                child = cmark_node_next(current)
                cmark_node_free(current)
                continue
            }
            guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current) else { return }
            let text = String(cString: literal)
            let trimmed = String(text.drop(while: { $0 == " " || $0 == "\t" }))
            if !trimmed.isEmpty {
                cmark_node_set_literal(current, trimmed)
                return
            }
            child = cmark_node_next(current)
            cmark_node_free(current)
        }
    }

    private func removeEmptyInlines(in parent: OpaquePointer) {
        var child = cmark_node_first_child(parent)
        while let current = child {
            child = cmark_node_next(current)
            let type = cmark_node_get_type(current)
            guard type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG else { continue }
            removeEmptyInlines(in: current)
            if cmark_node_first_child(current) == nil { cmark_node_free(current) }
        }
    }

    /// Visits every node below `start` in document order (entering events only).
    private func walk(_ start: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(start)
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != start {
                nodes.append(current)
            }
        }
        // Visit after iterating so that a visitor may change or free nodes safely.
        for current in nodes { visit(current) }
    }
}
