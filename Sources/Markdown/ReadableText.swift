import CCmark

extension MarkdownBlock {
    /// The text of the block's HTML as a reader sees it, with tags dropped: text, code and code blocks as
    /// written, an image as its description, a space for each line break and wherever one block meets
    /// another (cmark's HTML puts a new line there). White space is not collapsed here.
    ///
    /// - Parameter rawHTMLText: the text of raw HTML kept with `unsafeHTML` (the author's own markup,
    ///   which has no Markdown tree to walk); raw HTML omitted from the output has none.
    public func readableText(rawHTMLText: (String) -> String) -> String {
        let unsafe = document.renderOptions & CMARK_OPT_UNSAFE != 0
        var text = ""
        var imageDepth = 0
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let literal = { cmark_node_get_literal(current).map { String(cString: $0) } ?? "" }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal()
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_HTML_INLINE:
                // An image's description is plain text: cmark writes raw HTML in it as text, escaped.
                if imageDepth > 0 { text += literal() } else if unsafe { text += rawHTMLText(literal()) }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_CUSTOM_INLINE:
                break
            case CMARK_NODE_CODE_BLOCK:
                text += " " + literal() + " "
            case CMARK_NODE_HTML_BLOCK:
                text += " " + (unsafe ? rawHTMLText(literal()) : "") + " "
            default:
                // Any other block: it starts and ends on a line of its own.
                text += " "
            }
        }
        return text
    }
}
