import CSL
import ScholiaModel
import ScholiaLoad

/// Citation output as Markdown: italics as `*…*`, bold as `**…**`, other styling dropped.
package enum CitationMarkdown {
    package static func render(_ output: CSLOutput) -> String {
        var text = ""
        write(output.content, quotes: output.quotes, depth: 0, into: &text)
        return text
    }

    private static func write(_ nodes: [CSLInline], quotes: CSLQuotes, depth: Int, into text: inout String) {
        for node in nodes {
            switch node {
            case .text(let string):
                text += escape(string)
            case .styled(let style, let children):
                let marker = style == .italic || style == .oblique ? "*" : style == .bold ? "**" : ""
                var inner = ""
                write(children, quotes: quotes, depth: depth, into: &inner)
                text += inner.isEmpty ? "" : marker + inner + marker
            case .display(_, let children):
                write(children, quotes: quotes, depth: depth, into: &text)
            case .quoted(let children):
                text += depth % 2 == 0 ? quotes.openOuter : quotes.openInner
                write(children, quotes: quotes, depth: depth + 1, into: &text)
                text += depth % 2 == 0 ? quotes.closeOuter : quotes.closeInner
            }
        }
    }

    static func escape(_ string: String) -> String {
        var escaped = ""
        for character in string {
            if "\\*_[]`<".contains(character) { escaped += "\\" }
            escaped.append(character)
        }
        return escaped
    }
}
