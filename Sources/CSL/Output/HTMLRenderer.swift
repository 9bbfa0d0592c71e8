/// Renders output with the markup of the CSL test suite (`<i>`, `<b>`, small-caps spans…).
struct HTMLRenderer {
    let quotes: CSLQuotes

    func render(_ nodes: [CSLInline]) -> String {
        var out = OutputBuffer()
        write(nodes, into: &out, quoteDepth: 0)
        return out.string
    }

    private func write(_ nodes: [CSLInline], into out: inout OutputBuffer, quoteDepth: Int) {
        for node in nodes {
            switch node {
            case .text(let s): out += Self.escape(s)
            case .styled(let style, let children):
                let (open, close) = Self.tags(style)
                out += open
                write(children, into: &out, quoteDepth: quoteDepth)
                out += close
            case .quoted(let children):
                let outer = quoteDepth % 2 == 0
                out += outer ? quotes.openOuter : quotes.openInner
                write(children, into: &out, quoteDepth: quoteDepth + 1)
                out += outer ? quotes.closeOuter : quotes.closeInner
            case .display(let display, let children):
                out += "<div class=\"csl-"
                out += display.rawValue
                out += "\">"
                write(children, into: &out, quoteDepth: quoteDepth)
                out += "</div>"
            }
        }
    }

    static func tags(_ style: CSLTextStyle) -> (String, String) {
        func span(_ css: String) -> (String, String) { ("<span style=\"\(css)\">", "</span>") }
        switch style {
        case .italic: return ("<i>", "</i>")
        case .oblique: return span("font-style:oblique;")
        case .normalStyle: return span("font-style:normal;")
        case .bold: return ("<b>", "</b>")
        case .light: return span("font-weight:light;")
        case .normalWeight: return span("font-weight:normal;")
        case .smallCaps: return span("font-variant:small-caps;")
        case .normalVariant: return span("font-variant:normal;")
        case .underline: return span("text-decoration:underline;")
        case .noDecoration: return span("text-decoration:none;")
        case .sup: return ("<sup>", "</sup>")
        case .sub: return ("<sub>", "</sub>")
        case .baseline: return span("baseline")
        }
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 >= 0xC2 }) else { return s }
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return escapeASCII(s) }
        guard s.unicodeScalars.contains(where: Self.mayNeedEscape) else { return s }
        var r = ""
        var copied = s.startIndex  // text before this is in `r`
        for i in s.indices {
            let c = s[i]
            let replacement: String
            switch c.asciiValue {  // cheaper than comparing Characters
            case UInt8(ascii: "&"): replacement = "&#38;"
            case UInt8(ascii: "<"): replacement = "&#60;"
            case UInt8(ascii: ">"): replacement = "&#62;"
            default:
                // Superscript letters and digits ("1ʳᵉ", "2.º") print as <sup> markup.
                guard c.asciiValue == nil, let base = Superscripts.base[c] else { continue }
                replacement = "<sup>\(base)</sup>"
            }
            r += s[copied..<i]
            r += replacement
            copied = s.index(after: i)
        }
        r += s[copied...]
        return r
    }

    /// ASCII text: every byte is a character of its own, so bytes can be replaced directly.
    private static func escapeASCII(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): bytes += "&#38;".utf8
            case UInt8(ascii: "<"): bytes += "&#60;".utf8
            case UInt8(ascii: ">"): bytes += "&#62;".utf8
            default: bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Markup characters and superscripts; most text, including dashes and quotes, has none.
    private static func mayNeedEscape(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c == "&" || c == "<" || c == ">" : Superscripts.scalars.contains(c)
    }
}
