import CSL
import Foundation
import ScholiaModel
import ScholiaLoad

/// A document's citation in one style: the bibliography entry and the short form (in-text citation or note).
package struct RenderedCitation: Sendable {
    package var style: CitationStyle
    package var bibliographyHTML: String
    var bibliographyText: String
    var shortHTML: String
    var shortText: String
    /// The short form citing one paragraph, with `Citations.paragraphPlaceholder` where its number goes.
    var pinpointHTML: String
    var pinpointText: String
}

/// Renders CSL items with the site's styles.
package enum Citations {
    /// Converts Scholia's CSL-JSON to the processor's item.
    package static func cslItems(_ items: [JSONValue]) throws -> [CSLItem] {
        try CSLItem.decodeArray(objects: items.map(foundationObject), file: "citation item")
    }

    /// The value as JSONSerialization would have parsed it, without writing and parsing the text.
    static func foundationObject(_ value: JSONValue) -> Any {
        switch value {
        case .string(let text): text
        case .int(let number): NSNumber(value: number)
        case .double(let number): NSNumber(value: number)
        case .bool(let flag): NSNumber(value: flag)
        case .null: NSNull()
        case .array(let items): items.map(foundationObject)
        case .object(let fields): Dictionary(fields.map { ($0.0, foundationObject($0.1)) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// Stands for the paragraph number in pinpoint citations: rendered once per style, the page's script
    /// puts the number of the paragraph in its place. Digits, so that styles treat it as a number.
    static let paragraphPlaceholder = "999999"

    package static func render(_ item: CSLItem, styles: [CitationStyle]) -> [RenderedCitation] {
        styles.map { style in
            let entry = style.processor.bibliography(items: [item]).first
            let short = style.processor.citation([CSLCite(id: item.id)], items: [item])
            let pinpoint = citation(item, style: style, paragraph: paragraphPlaceholder)
            return RenderedCitation(style: style, bibliographyHTML: entry?.html ?? short.html, bibliographyText: entry?.text ?? short.text,
                                    shortHTML: short.html, shortText: short.text, pinpointHTML: pinpoint.html, pinpointText: pinpoint.text)
        }
    }

    /// The short form (in-text citation or note) of a document, citing one paragraph when asked.
    package static func citation(_ item: CSLItem, style: CitationStyle, paragraph: String? = nil) -> CSLOutput {
        let cite = CSLCite(id: item.id, locator: paragraph, label: paragraph == nil ? nil : "paragraph")
        return style.processor.citation([cite], items: [item])
    }

    /// A reading list's bibliography in one style, in the style's order.
    package static func bibliography(_ items: [CSLItem], style: CitationStyle) -> [CSLEntry] {
        style.processor.bibliography(items: items)
    }
}
