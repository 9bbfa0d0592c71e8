import CSL
import Foundation

/// A document's citation in one style: the bibliography entry and the short form (in-text citation or note).
public struct RenderedCitation: Sendable {
    public var style: CitationStyle
    public var bibliographyHTML: String
    public var bibliographyText: String
    public var shortHTML: String
    public var shortText: String
}

/// Renders CSL items with the site's styles.
public enum Citations {
    /// Converts Scholia's CSL-JSON to the processor's item.
    public static func cslItems(_ items: [JSONValue]) throws -> [CSLItem] {
        try CSLItem.decodeArray(from: Data(JSONValue.array(items).serialized().utf8), file: "citation item")
    }

    public static func render(_ item: CSLItem, styles: [CitationStyle], locator: (label: String, value: String)? = nil) -> [RenderedCitation] {
        styles.map { style in
            let entry = style.processor.bibliography(items: [item]).first
            let cite = CSLCite(id: item.id, locator: locator?.value, label: locator?.label)
            let short = style.processor.citation([cite], items: [item])
            return RenderedCitation(style: style, bibliographyHTML: entry?.html ?? short.html, bibliographyText: entry?.text ?? short.text,
                                    shortHTML: short.html, shortText: short.text)
        }
    }

    /// A reading list's bibliography in one style, in the style's order.
    public static func bibliography(_ items: [CSLItem], style: CitationStyle) -> [CSLEntry] {
        style.processor.bibliography(items: items)
    }
}
