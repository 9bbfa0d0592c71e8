/// The state of one document: cited items in order, their positions, numbers and
/// disambiguation. Built once per processing call.
final class Document {
    let processor: CSLProcessor
    var style: CSLStyle { processor.context.style }
    var locale: ResolvedLocale { processor.context.locale }
    let items: [String: CSLItem]
    let citations: [CSLCitation]
    /// Items in order of first citation (uncited ones after, when included).
    private(set) var registered: [String] = []
    private(set) var citationNumbers: [String: Int] = [:]
    private(set) var bibliographyOrder: [String] = []
    var disambiguation: [String: Disambiguation] = [:]
    private(set) var citeData: [[CiteData]] = []
    let cache = RenderCache()

    init(processor: CSLProcessor, items: [CSLItem], citations: [CSLCitation], includeUncited: Bool = false) {
        self.processor = processor
        var byID: [String: CSLItem] = [:]
        for item in items where byID[item.id] == nil { byID[item.id] = item }
        self.items = byID
        self.citations = citations
        var seen = Set<String>()
        for citation in citations {
            for cite in citation.cites where byID[cite.id] != nil && seen.insert(cite.id).inserted {
                registered.append(cite.id)
            }
        }
        if citations.isEmpty || includeUncited {
            for item in items where seen.insert(item.id).inserted { registered.append(item.id) }
        }
        citeData = PositionTracker(nearNoteDistance: style.citation.nearNoteDistance, citations: citations).compute()
        for (i, id) in registered.enumerated() { citationNumbers[id] = i + 1 }
        for id in registered { disambiguation[id] = Disambiguation() }
        orderBibliography()
        Disambiguator(document: self).run()
    }

    private func orderBibliography() {
        // One item needs no sort keys, which cost a render of their macros each.
        guard let bib = style.bibliography, !bib.sort.isEmpty, registered.count > 1 else {
            bibliographyOrder = registered
            return
        }
        bibliographyOrder = Sorter(document: self, keys: bib.sort, bibliography: true).sort(registered)
        let keepsNumbers = bib.sort.contains { if case .variable("citation-number") = $0.source { return true }; return false }
        if !keepsNumbers {
            for (i, id) in bibliographyOrder.enumerated() { citationNumbers[id] = i + 1 }
        }
    }

    func makeRenderer(_ id: String, cite: CiteData = CiteData(), mode: RenderMode,
                      disambiguation override: Disambiguation? = nil, bibliographySection: Bool? = nil) -> Renderer {
        var d = override ?? disambiguation[id] ?? Disambiguation()
        if mode == .bibliography {
            // Year suffixes and the disambiguate condition carry over to the bibliography.
            d = Disambiguation(disambiguateCondition: d.disambiguateCondition, yearSuffix: d.yearSuffix)
        }
        let renderer = Renderer(context: processor.context, item: items[id]!, cite: cite, mode: mode,
                                disambiguation: d, citationNumber: citationNumbers[id],
                                bibliographySection: bibliographySection)
        renderer.cache = cache
        return renderer
    }

    /// The text a cite renders to in first position without locator: what disambiguation compares.
    func ambiguityKey(_ id: String, _ d: Disambiguation) -> String {
        let r = makeRenderer(id, mode: .citation, disambiguation: d)
        return NodeConversion.convert(r.render(style.citation.layout.elements)).debugKey
    }
}

extension [CSLInline] {
    /// A compact string that distinguishes both text and styling.
    var debugKey: String { HTMLRenderer(quotes: CSLQuotes()).render(self) }
}
