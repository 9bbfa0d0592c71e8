/// Parses the small HTML subset and quote marks CSL-JSON fields may contain into nodes:
/// `<i>`, `<b>`, `<sup>`, `<sub>`, `<sc>`, small-caps and nocase spans, "double" and 'single' quotes.
enum RichText {
    private enum Frame {
        case tag(String, [Node])      // closing tag name
        case quote(Character, [Node]) // closing quote character
    }

    nonisolated(unsafe) private static let openTags: [String: (close: String, make: ([Node]) -> Node)] = [
        "<i>": ("</i>", { .styled(.italic, $0) }),
        "<em>": ("</em>", { .styled(.italic, $0) }),
        "<b>": ("</b>", { .styled(.bold, $0) }),
        "<strong>": ("</strong>", { .styled(.bold, $0) }),
        "<sup>": ("</sup>", { .styled(.sup, $0) }),
        "<sub>": ("</sub>", { .styled(.sub, $0) }),
        "<sc>": ("</sc>", { .styled(.smallCaps, $0) }),
        "<span style=\"font-variant:small-caps;\">": ("</span>", { .styled(.smallCaps, $0) }),
        "<span style=\"font-variant: small-caps;\">": ("</span>", { .styled(.smallCaps, $0) }),
        "<span class=\"nocase\">": ("</span>", { .nocase($0) }),
        // "nodecor" resets inherited formatting (upright, normal weight, no small caps).
        "<span class=\"nodecor\">": ("</span>", { .styled(.normalStyle, [.styled(.normalWeight, [.styled(.normalVariant, $0)])]) }),
    ]

    static func parse(_ text: String) -> [Node] {
        // Fast path: no markup, no quotes (0xE2 starts the UTF-8 of curly quotes).
        if !text.utf8.contains(where: { $0 == 0x3C || $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 }) { return [.text(text)] }
        var stack: [(frame: Frame, make: ([Node]) -> Node)] = []
        var current: [Node] = []
        var buffer = ""
        let chars = Array(text)
        var i = 0
        func flush() { if !buffer.isEmpty { current.append(.text(buffer)); buffer = "" } }
        func pop() {
            flush()
            let top = stack.removeLast()
            let node = top.make(current)
            switch top.frame {
            case .tag(_, let saved), .quote(_, let saved): current = saved + [node]
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "<" {
                let rest = String(chars[i...].prefix(48))
                if let (open, entry) = openTags.first(where: { rest.hasPrefix($0.key) }) {
                    flushAndPush(.tag(entry.close, current), entry.make, &stack, &current, &buffer)
                    i += open.count
                    continue
                }
                if case .tag(let close, _)? = stack.last?.frame, rest.hasPrefix(close) {
                    pop()
                    i += close.count
                    continue
                }
            }
            let prev: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let atWordStart = prev == nil || prev!.isWhitespace || "([{\u{2014}\u{2013}-/\"'\u{201C}\u{2018}".contains(prev!)
            switch c {
            case "\"", "\u{201C}", "\u{201D}":
                let closer: Character = c == "\"" ? "\"" : "\u{201D}"
                if case .quote(let q, _)? = stack.last?.frame, q == closer || (c == "\"" && q == "\u{201D}") || (c == "\u{201D}" && q == "\"") {
                    pop()
                } else if c != "\u{201D}" && (atWordStart || c == "\u{201C}") && next != nil {
                    flushAndPush(.quote(closer, current), { .quoted($0) }, &stack, &current, &buffer)
                } else {
                    buffer.append(c)
                }
            case "'", "\u{2018}", "\u{2019}":
                if c != "\u{2018}", case .quote(let q, _)? = stack.last?.frame, q == "'",
                   next == nil || !(next!.isLetter || next!.isNumber) {
                    pop()
                } else if c != "\u{2019}" && atWordStart && next != nil && !(next!.isWhitespace) {
                    flushAndPush(.quote("'", current), { .quoted($0) }, &stack, &current, &buffer)
                } else {
                    buffer.append("\u{2019}")
                }
            default:
                buffer.append(c)
            }
            i += 1
        }
        flush()
        // Unclosed frames: put their opening mark back as text.
        while let top = stack.popLast() {
            switch top.frame {
            case .tag(_, let saved): current = saved + [top.make(current)]
            case .quote(let q, let saved):
                let mark = q == "'" ? "\u{2019}" : q == "\"" ? "\"" : "\u{201C}"
                current = saved + [.text(mark)] + current
            }
        }
        return current
    }

    private static func flushAndPush(_ frame: Frame, _ make: @escaping ([Node]) -> Node,
                                     _ stack: inout [(frame: Frame, make: ([Node]) -> Node)],
                                     _ current: inout [Node], _ buffer: inout String) {
        var saved = current
        if !buffer.isEmpty { saved.append(.text(buffer)); buffer = "" }
        switch frame {
        case .tag(let close, _): stack.append((.tag(close, saved), make))
        case .quote(let q, _): stack.append((.quote(q, saved), make))
        }
        current = []
    }
}
