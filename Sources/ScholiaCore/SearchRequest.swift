import Foundation
import Search
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// `scholia search`: the site's index made in memory (the same files the build writes under `search/`,
/// read by the same query engine as the page's script), then hits as text or JSON.
package struct SearchRequest: Sendable {
    package enum Format: String, CaseIterable, Sendable { case text, json }

    package var siteDirectory: URL
    package var query: String
    package var filters: SearchFilters
    package var order: SearchOrder
    package var format: Format
    /// Documents shown at most.
    package var limit: Int

    package init(siteDirectory: URL, query: String, filters: SearchFilters, order: SearchOrder = .relevance, format: Format = .text, limit: Int = 10) {
        self.siteDirectory = siteDirectory
        self.query = query
        self.filters = filters
        self.order = order
        self.format = format
        self.limit = limit
    }

    /// The site's index, in memory. Throws `ContentErrors` when the site does not load.
    package static func index(siteDirectory: URL) throws -> SearchIndex {
        let (site, transcripts, diagnostics) = SiteBuilder.load(BuildOptions(siteDirectory: siteDirectory), cache: nil)
        guard let site else { throw ContentErrors(diagnostics) }
        let files = IndexWriter(language: site.config.language).files(for: SearchPages.documents(site, transcripts))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.data) })
        return try SearchIndex { byPath[$0] }
    }

    package func run() throws -> String {
        let index = try Self.index(siteDirectory: siteDirectory)
        let results = index.search(query, filters: filters, order: order, paragraphsFor: limit)
        let shown = results.hits.prefix(limit).compactMap { hit in index.document(hit.ordinal).map { (hit, $0) } }
        switch format {
        case .text: return text(results, shown)
        case .json: return json(results, shown)
        }
    }

    /// `ID ¶N  speaker: snippet`, one line per paragraph; a document matched only in its title or summary
    /// shows `ID  title: snippet`.
    private func text(_ results: SearchResults, _ shown: [(DocumentHit, DisplayDocument)]) -> String {
        guard !results.hits.isEmpty else { return (results.message ?? "No results.") + "\n" }
        var lines: [String] = []
        for (hit, document) in shown {
            guard !hit.paragraphs.isEmpty else {
                lines.append("\(document.id)  \(document.title) (\(document.date))")
                continue
            }
            for paragraph in hit.paragraphs {
                guard let shownParagraph = document.paragraph(paragraph.number) else { continue }
                let snippet = Snippet(shownParagraph.text, positions: paragraph.positions).text.split(whereSeparator: \.isNewline).joined(separator: " · ")
                let pinpoint = paragraph.number == 0 ? "" : " ¶\(paragraph.number)"
                let speaker = paragraph.number == 0 ? "title" : shownParagraph.speaker
                lines.append("\(document.id)\(pinpoint)  \(speaker.isEmpty ? "" : speaker + ": ")\(snippet)")
            }
        }
        let count = results.hits.count
        lines.append("\(count) \(count == 1 ? "document" : "documents")\(count > shown.count ? ", \(shown.count) shown" : "")")
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ results: SearchResults, _ shown: [(DocumentHit, DisplayDocument)]) -> String {
        let hits: [[String: Any]] = shown.map { hit, document in
            [
                "id": document.id, "title": document.title, "date": document.date, "score": (hit.score * 1000).rounded() / 1000,
                "paragraphs": hit.paragraphs.compactMap { paragraph -> [String: Any]? in
                    guard let shownParagraph = document.paragraph(paragraph.number) else { return nil }
                    let snippet = Snippet(shownParagraph.text, positions: paragraph.positions)
                    let scalars = Array(snippet.text.unicodeScalars)
                    return ["number": paragraph.number, "speaker": shownParagraph.speaker, "snippet": snippet.text,
                            "matches": snippet.highlights.map { range in String(String.UnicodeScalarView(scalars[range])) }]
                },
            ]
        }
        var object: [String: Any] = ["query": query, "count": results.hits.count, "hits": hits,
                                     "facets": results.facets.mapValues { $0.map { ["id": $0.id, "label": $0.label, "count": $0.count] } }]
        if let message = results.message { object["message"] = message }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
