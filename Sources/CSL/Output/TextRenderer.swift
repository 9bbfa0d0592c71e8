/// Renders output as plain text: styles dropped, quotes kept, display blocks inline, and small
/// capitals written as capitals (plain text has no other way to show them; pandoc does the same).
struct TextRenderer {
    let quotes: CSLQuotes

    func render(_ nodes: [CSLInline]) -> String {
        var out = OutputBuffer()
        write(nodes, into: &out, quoteDepth: 0, smallCaps: false)
        return out.string
    }

    private func write(_ nodes: [CSLInline], into out: inout OutputBuffer, quoteDepth: Int, smallCaps: Bool) {
        for node in nodes {
            switch node {
            case .text(let s): out += smallCaps ? s.uppercased() : s
            case .styled(let style, let children):
                let caps = style == .smallCaps ? true : style == .normalVariant ? false : smallCaps
                write(children, into: &out, quoteDepth: quoteDepth, smallCaps: caps)
            case .display(let display, let children):
                write(children, into: &out, quoteDepth: quoteDepth, smallCaps: smallCaps)
                // "[1] Smith": in text, a left margin is set off from the entry by a space.
                if display == .leftMargin && !out.endsInSpace { out += " " }
            case .quoted(let children):
                let outer = quoteDepth % 2 == 0
                out += outer ? quotes.openOuter : quotes.openInner
                write(children, into: &out, quoteDepth: quoteDepth + 1, smallCaps: smallCaps)
                out += outer ? quotes.closeOuter : quotes.closeInner
            }
        }
    }
}
