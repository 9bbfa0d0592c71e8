extension Document {
    func bibliography() -> [CSLEntry] {
        guard let bib = style.bibliography else { return [] }
        var entries: [CSLEntry] = []
        var previousNames: String?
        for id in bibliographyOrder {
            let r = makeRenderer(id, mode: .bibliography)
            var nodes: [Node]
            if bib.secondFieldAlign != nil, let first = bib.layout.elements.first {
                let head = r.render(first)
                let rest = r.render(Array(bib.layout.elements.dropFirst()))
                var deco = bib.layout.decoration
                let prefix = deco.prefix, suffix = deco.suffix
                deco.prefix = ""
                deco.suffix = ""
                let left: [Node] = head.isBlank ? [] : [.display(.leftMargin, [.text(prefix)] + head)]
                let right: [Node] = rest.isBlank ? [] : [.display(.rightInline, rest + [.text(suffix)])]
                nodes = r.decorate(left + right, deco)
            } else {
                nodes = r.decorate(r.render(bib.layout.elements), bib.layout.decoration)
            }
            if nodes.isBlank { continue }
            if let substitute = bib.subsequentAuthorSubstitute {
                let names = Self.first(.names, in: nodes)?.plainText
                if let names, names == previousNames {
                    nodes = Self.replacingFirstNames(nodes, with: substitute)
                }
                previousNames = names
            }
            entries.append(CSLEntry(id: id, output: processor.output(nodes)))
        }
        return entries
    }

    /// Replaces the first names output by `text` (subsequent-author-substitute, complete-all).
    static func replacingFirstNames(_ nodes: [Node], with text: String) -> [Node] {
        var done = false
        func walk(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                if done { return node }
                switch node {
                case .tag(.names, _):
                    done = true
                    return .tag(.names, [.text(text)])
                case .tag(let t, let c): return .tag(t, walk(c))
                case .styled(let s, let c): return .styled(s, walk(c))
                case .quoted(let c): return .quoted(walk(c))
                case .display(let d, let c): return .display(d, walk(c))
                case .nocase(let c): return .nocase(walk(c))
                case .text: return node
                }
            }
        }
        return walk(nodes)
    }
}
