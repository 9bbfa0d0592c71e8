/// Turns the working tree into public output, resolving style flip-flops: italic inside
/// italic becomes upright, and "normal" outside any style disappears.
struct NodeConversion {
    private struct State {
        var italic = false, bold = false, smallCaps = false
    }

    static func convert(_ nodes: [Node]) -> [CSLInline] {
        var out: [CSLInline] = []
        convert(nodes, state: State(), into: &out)
        return merge(out)
    }

    private static func convert(_ nodes: [Node], state: State, into out: inout [CSLInline]) {
        for node in nodes {
            switch node {
            case .text(let s): if !s.isEmpty { out.append(.text(s)) }
            case .nocase(let c), .tag(_, let c): convert(c, state: state, into: &out)
            case .quoted(let c):
                var inner: [CSLInline] = []
                convert(c, state: state, into: &inner)
                out.append(.quoted(merge(inner)))
            case .display(let d, let c):
                var inner: [CSLInline] = []
                convert(c, state: state, into: &inner)
                out.append(.display(d, merge(inner)))
            case .styled(let style, let c):
                var next = state
                var effective: CSLTextStyle? = style
                switch style {
                case .italic, .oblique:
                    effective = state.italic ? .normalStyle : style
                    next.italic.toggle()
                case .normalStyle:
                    effective = state.italic ? .normalStyle : nil
                    next.italic = false
                case .bold:
                    effective = state.bold ? .normalWeight : .bold
                    next.bold.toggle()
                case .normalWeight:
                    effective = state.bold ? .normalWeight : nil
                    next.bold = false
                case .smallCaps:
                    effective = state.smallCaps ? .normalVariant : .smallCaps
                    next.smallCaps.toggle()
                case .normalVariant:
                    effective = state.smallCaps ? .normalVariant : nil
                    next.smallCaps = false
                default: break
                }
                var inner: [CSLInline] = []
                convert(c, state: next, into: &inner)
                if inner.isEmpty { continue }
                if let effective { out.append(.styled(effective, merge(inner))) } else { out += inner }
            }
        }
    }

    /// Joins adjacent text runs so renderers and comparisons see tidy output.
    private static func merge(_ nodes: [CSLInline]) -> [CSLInline] {
        var out: [CSLInline] = []
        for node in nodes {
            if case .text(let s) = node, case .text(let prev)? = out.last {
                out[out.count - 1] = .text(prev + s)
            } else {
                out.append(node)
            }
        }
        return out
    }
}
