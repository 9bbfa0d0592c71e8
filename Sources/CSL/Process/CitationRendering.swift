/// A cite rendered inside a citation, with what collapsing needs to know about it.
struct RenderedCite {
    var id: String
    var nodes: [Node]
    /// The cite without its author names (for "Smith 2000, 2001").
    var withoutNames: () -> [Node]
    var number: Int?
    var namesKey: String?
    var yearKey: String?
    var yearSuffix: [Node]?
    var hasAffixesOrLocator: Bool
    var hasLocator = false
    /// A prefix starting with punctuation replaces the delimiter before the cite.
    var prefixReplacesDelimiter = false
}

extension Document {
    func renderCitation(_ index: Int) -> CSLOutput {
        let citation = citations[index]
        var cites: [(CSLCite, CiteData)] = []
        for (i, cite) in citation.cites.enumerated() where items[cite.id] != nil {
            cites.append((cite, citeData[index][i]))
        }
        if !style.citation.sort.isEmpty && cites.count > 1 {
            let sorter = Sorter(document: self, keys: style.citation.sort)
            cites = sorter.sortedIndices(cites.map(\.0.id), cites: cites.map(\.1)).map { cites[$0] }
        }
        let rendered = cites.enumerated().map { renderCite($1.0, $1.1, first: $0 == 0) }
        let layout = style.citation.layout
        let joined = CiteCollapser(citation: style.citation, layoutDelimiter: layout.delimiter).join(rendered)
        guard !joined.isBlank else { return processor.output([]) }
        let renderer = Renderer(context: processor.context, item: CSLItem(id: ""), cite: CiteData(),
                                mode: .citation, disambiguation: Disambiguation(), citationNumber: nil)
        // In citations the layout's formatting encloses its affixes: <b>(1–3)</b>.
        var affixes = layout.decoration
        affixes.formatting = Formatting()
        return processor.output(Renderer.format(renderer.decorate(joined, affixes), layout.decoration.formatting))
    }

    private func renderCite(_ cite: CSLCite, _ data: CiteData, first: Bool) -> RenderedCite {
        let elements = style.citation.layout.elements
        let r = makeRenderer(cite.id, cite: data, mode: .citation)
        r.suppressFirstNames = cite.suppressAuthor
        var nodes = r.render(elements)
        if nodes.isBlank { nodes = [.text(Self.noPrintedForm)] }
        if style.styleClass == .note && (first || !(cite.prefix ?? "").isEmpty) {
            nodes = Self.capitalizingLeadingTerm(nodes, after: cite.prefix)
        }
        let affixed = cite.prefix != nil || cite.suffix != nil
        nodes = wrapAffixes(nodes, cite)
        let namesKey = Self.first(.names, in: nodes)?.plainText
        let suffix = Self.first(.yearSuffix, in: nodes).map { [$0] }
        let yearKey = suffix == nil ? nil : Self.removing(.yearSuffix, from: nodes).plainText
        let withoutNames: () -> [Node] = { [self] in
            let again = makeRenderer(cite.id, cite: data, mode: .citation)
            again.suppressFirstNames = true
            return wrapAffixes(again.render(elements), cite)
        }
        return RenderedCite(id: cite.id, nodes: nodes, withoutNames: withoutNames, number: citationNumbers[cite.id],
                            namesKey: namesKey ?? "", yearKey: yearKey, yearSuffix: suffix,
                            hasAffixesOrLocator: affixed || data.locator != nil, hasLocator: data.locator != nil,
                            prefixReplacesDelimiter: cite.prefix.map { $0.hasPrefix(",") || $0.hasPrefix(";") || $0.hasPrefix(".") } ?? false)
    }

    static let noPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]"

    /// A cite that starts with a term ("ibid.") is capitalized at the start of a sentence:
    /// with no prefix, or after a prefix ending in a period.
    static func capitalizingLeadingTerm(_ nodes: [Node], after prefix: String?) -> [Node] {
        // A sentence ended in the prefix ("Compare this. Ibid."); a single abbreviated word does not.
        if let prefix, !prefix.isEmpty {
            let trimmed = String(prefix.trimmedSpaces.reversed().drop { "\u{201D}\u{2019}\"'".contains($0) }.reversed())
            guard trimmed.hasSuffix("."), trimmed.contains(" ") else { return nodes }
        }
        guard case .tag(.term, _)? = firstLeafOwner(nodes) else { return nodes }
        return TextCaser.apply(.capitalizeFirst, to: nodes)
    }

    /// The innermost tag that contains the first non-empty text, if any.
    private static func firstLeafOwner(_ nodes: [Node]) -> Node? {
        for node in nodes where !node.isEmpty {
            switch node {
            case .text: return nil
            case .tag(.term, _): return node
            case .tag(_, let c), .styled(_, let c), .quoted(let c), .display(_, let c), .nocase(let c):
                return firstLeafOwner(c)
            }
        }
        return nil
    }

    private func wrapAffixes(_ nodes: [Node], _ cite: CSLCite) -> [Node] {
        guard !nodes.isBlank else { return nodes }
        var out = nodes
        if let p = cite.prefix, !p.isEmpty { out = [.tag(.affix, RichText.parse(p))] + out }
        if let s = cite.suffix, !s.isEmpty { out += [.tag(.affix, RichText.parse(s))] }
        return out
    }

    static func first(_ tag: NodeTag, in nodes: [Node]) -> Node? {
        for node in nodes {
            switch node {
            case .tag(let t, let c):
                if t == tag { return node }
                if let found = first(tag, in: c) { return found }
            case .styled(_, let c), .quoted(let c), .display(_, let c), .nocase(let c):
                if let found = first(tag, in: c) { return found }
            case .text: continue
            }
        }
        return nil
    }

    static func removing(_ tag: NodeTag, from nodes: [Node]) -> [Node] {
        nodes.compactMap { node in
            switch node {
            case .tag(let t, let c): return t == tag ? nil : .tag(t, removing(tag, from: c))
            case .styled(let s, let c): return .styled(s, removing(tag, from: c))
            case .quoted(let c): return .quoted(removing(tag, from: c))
            case .display(let d, let c): return .display(d, removing(tag, from: c))
            case .nocase(let c): return .nocase(removing(tag, from: c))
            case .text: return node
            }
        }
    }
}
