/// Renders output as plain text: styles dropped, quotes kept, display blocks inline.
struct TextRenderer {
    let quotes: CSLQuotes

    func render(_ nodes: [CSLInline]) -> String {
        var out = OutputBuffer()
        write(nodes, into: &out, quoteDepth: 0)
        return out.string
    }

    private func write(_ nodes: [CSLInline], into out: inout OutputBuffer, quoteDepth: Int) {
        for node in nodes {
            switch node {
            case .text(let s): out += s
            case .styled(_, let children), .display(_, let children):
                write(children, into: &out, quoteDepth: quoteDepth)
            case .quoted(let children):
                let outer = quoteDepth % 2 == 0
                out += outer ? quotes.openOuter : quotes.openInner
                write(children, into: &out, quoteDepth: quoteDepth + 1)
                out += outer ? quotes.closeOuter : quotes.closeInner
            }
        }
    }
}
