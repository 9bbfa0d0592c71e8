import Foundation

/// Renders citations and bibliographies for one style and language. Create one per thread
/// or share it: it is an immutable value.
///
/// Typical use:
/// ```swift
/// let style = try CSLStyle(contentsOf: styleURL)              // parse once, reuse
/// let locales = CSLLocaleStore(folder: localesURL)
/// let items = try CSLItem.decodeArray(from: jsonData, file: "refs.json")
/// let processor = try CSLProcessor(style: style, locales: locales, language: "en-US")
/// let doc = processor.document([CSLCitation(cites: [CSLCite(id: "smith2000", locator: "12")])], items: items)
/// doc.citations[0].html   // "(Smith 2000, 12)"
/// doc.bibliography.map(\.html)
/// ```
/// Output is a `CSLInline` tree (`CSLOutput.content`) rendered by `.html` or `.text`;
/// other formats can walk the tree.
public struct CSLProcessor: Sendable {
    /// Shared by every document and renderer, which would otherwise each copy the style.
    let context: StyleContext
    public var style: CSLStyle { context.style }
    var locale: ResolvedLocale { context.locale }
    var quotes: CSLQuotes { context.quotes }

    /// - Parameter language: BCP 47 tag such as "en-US"; defaults to the style's default-locale, then en-US.
    public init(style: CSLStyle, locales: CSLLocaleStore, language: String? = nil) throws {
        let lang = language ?? style.defaultLocale ?? "en-US"
        let locale = try ResolvedLocale(language: lang, style: style, store: locales)
        var q = CSLQuotes()
        if let t = locale.termText("open-quote") { q.openOuter = t }
        if let t = locale.termText("close-quote") { q.closeOuter = t }
        if let t = locale.termText("open-inner-quote") { q.openInner = t }
        if let t = locale.termText("close-inner-quote") { q.closeInner = t }
        context = StyleContext(style: style, locale: locale, quotes: q)
    }

    /// The sorted bibliography of `items` (all of them, as if each had been cited once).
    public func bibliography(items: [CSLItem]) -> [CSLEntry] {
        Document(processor: self, items: items, citations: []).bibliography()
    }

    /// Renders a single citation cluster on its own.
    public func citation(_ cites: [CSLCite], items: [CSLItem]) -> CSLOutput {
        let doc = Document(processor: self, items: items, citations: [CSLCitation(cites: cites, noteIndex: 1)])
        return doc.renderCitation(0)
    }

    /// Processes a whole document: positions (ibid, subsequent), disambiguation across all
    /// citations, citation numbers, and the bibliography of the cited items.
    public func document(_ citations: [CSLCitation], items: [CSLItem], uncitedInBibliography: Bool = false) -> CSLDocumentOutput {
        let doc = Document(processor: self, items: items, citations: citations, includeUncited: uncitedInBibliography)
        return CSLDocumentOutput(citations: citations.indices.map(doc.renderCitation), bibliography: doc.bibliography())
    }

    func output(_ nodes: [Node]) -> CSLOutput {
        let fixed = PunctuationFixer(punctuationInQuote: locale.punctuationInQuote).fix(nodes)
        return CSLOutput(content: NodeConversion.convert(fixed), quotes: quotes)
    }

    /// The bibliography wrapped the way the CSL test suite prints it.
    public static func bibliographyHTML(_ entries: [CSLEntry]) -> String {
        var out = "<div class=\"csl-bib-body\">\n"
        for entry in entries {
            let body = entry.html
            if body.hasPrefix("<div class=\"csl-") {
                out += "  <div class=\"csl-entry\">\n    \(body)\n  </div>\n"
            } else if body.contains("<div class=\"csl-") {
                out += "  <div class=\"csl-entry\">\(body)\n  </div>\n"
            } else {
                out += "  <div class=\"csl-entry\">\(body)</div>\n"
            }
        }
        return out + "</div>"
    }
}
