extension Renderer {
    /// Applies an element's text-case, strip-periods, formatting, quotes, affixes and display,
    /// in that order. Empty content stays empty (affixes need content).
    func decorate(_ nodes: [Node], _ d: Decoration) -> [Node] {
        if d.isPlain { return nodes }
        if nodes.isBlank { return [] }
        var out = nodes
        if let textCase = d.textCase, textCaseAllowed(textCase) {
            out = TextCaser.apply(textCase, to: out, turkic: turkicLanguage)
        }
        if d.stripPeriods { out = Self.stripPeriods(out) }
        out = Self.format(out, d.formatting)
        if d.quotes { out = [.quoted(out)] }
        if !d.prefix.isEmpty { out.insert(.text(d.prefix), at: 0) }
        if !d.suffix.isEmpty { out.append(.text(d.suffix)) }
        if let display = d.display { out = [.display(CSLDisplay(rawValue: display.rawValue)!, out)] }
        return out
    }

    /// Turkish and Azerbaijani items (the item's `language`, else the style locale) case "i" their own way.
    var turkicLanguage: Bool {
        let language = (item.variables["language"] ?? locale.language).lowercased()
        return ["tr", "az"].contains { language == $0 || language.hasPrefix($0 + "-") }
    }

    /// Title case is for English items only (the item's `language`, else the style locale).
    func textCaseAllowed(_ textCase: TextCase) -> Bool {
        guard textCase == .title else { return true }
        let language = item.variables["language"] ?? locale.language
        return language.isEmpty || language.lowercased().hasPrefix("en")
    }

    static func format(_ nodes: [Node], _ f: Formatting) -> [Node] {
        var out = nodes
        if let s = f.fontStyle { out = [.styled(s == .italic ? .italic : s == .oblique ? .oblique : .normalStyle, out)] }
        if let v = f.fontVariant { out = [.styled(v == .smallCaps ? .smallCaps : .normalVariant, out)] }
        if let w = f.fontWeight { out = [.styled(w == .bold ? .bold : w == .light ? .light : .normalWeight, out)] }
        if let t = f.textDecoration { out = [.styled(t == .underline ? .underline : .noDecoration, out)] }
        if let v = f.verticalAlign { out = [.styled(v == .sup ? .sup : v == .sub ? .sub : .baseline, out)] }
        return out
    }

    static func stripPeriods(_ nodes: [Node]) -> [Node] {
        nodes.map { node in
            switch node {
            case .text(let s): return .text(s.replacingOccurrences(of: ".", with: ""))
            case .styled(let st, let c): return .styled(st, stripPeriods(c))
            case .quoted(let c): return .quoted(stripPeriods(c))
            case .display(let d, let c): return .display(d, stripPeriods(c))
            case .nocase(let c): return .nocase(stripPeriods(c))
            case .tag(let t, let c): return .tag(t, stripPeriods(c))
            }
        }
    }
}
