import CSL
import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender

/// `scholia cite`: citations of some documents, or of a reading list, in one style and format. It loads the
/// site as `build` does (documents unchanged since the last build come from its cache), so that an entry is
/// exactly the one on the document's page.
package struct CiteRequest: Sendable {
    package enum Format: String, CaseIterable, Sendable {
        case text, html, markdown, cslJSON = "csl-json", bibtex, ris
    }

    package var siteDirectory: URL
    package var documentIDs: [String]
    package var collectionID: String?
    /// Default: the collection's style, else the first of `citation_styles`.
    package var style: String?
    package var format: Format = .text
    package var accessed: PartialDate?
    /// Cite one paragraph of one document: its short form in each style, with a link to the passage.
    package var paragraph: Int?

    package init(siteDirectory: URL, documentIDs: [String], collectionID: String? = nil, style: String? = nil,
                format: Format = .text, accessed: PartialDate? = nil, paragraph: Int? = nil) {
        self.paragraph = paragraph
        self.siteDirectory = siteDirectory
        self.documentIDs = documentIDs
        self.collectionID = collectionID
        self.style = style
        self.format = format
        self.accessed = accessed
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The citations, ready to print; content errors are thrown as `ContentErrors`.
    package func run() throws -> String {
        // The last build's caches, read only: documents unchanged since then are neither read nor parsed.
        let caches = siteDirectory.appendingPathComponent(SiteLayout.cacheFolder)
        let (site, transcripts, found) = SiteBuilder.load(BuildOptions(siteDirectory: siteDirectory), cache: DocumentCache.read(from: caches),
                                                          stamps: FileStamps.read(from: caches))
        var diagnostics = DiagnosticList(found)
        guard let site, !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        var ids = documentIDs
        var collectionStyle: String?
        if let collectionID {
            if let collection = site.collections.first(where: { $0.id == collectionID }) {
                ids += collection.items.map(\.documentID)
                collectionStyle = collection.style
            } else {
                diagnostics.error("no reading list '\(collectionID)': expected Content/collections/\(collectionID).md",
                                  at: SourceLocation(path: "Content/collections/\(collectionID).md"))
            }
        }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        guard !ids.isEmpty else { throw Failure(description: "name at least one document id, or --collection ID") }

        let items = ids.map { id -> JSONValue in item(id, site: site, transcripts: transcripts, &diagnostics) ?? .null }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        if let paragraph {
            guard items.count == 1, let url = items[0]["URL"]?.stringValue else { throw Failure(description: "--paragraph cites one document") }
            return try pinpoint(items[0], paragraph: paragraph, url: url, config: site.config)
        }
        return try format(items, config: site.config, styleName: style ?? collectionStyle ?? site.config.citationStyles[0])
    }

    /// "MLA: (Kerry and Lavrov, par. 12)" for each style, then the passage's address.
    private func pinpoint(_ item: JSONValue, paragraph: Int, url: String, config: SiteConfig) throws -> String {
        let loader = CitationStyleLoader(siteDirectory: siteDirectory, language: config.language)
        let styles: [CitationStyle]
        do { styles = try (style.map { [$0] } ?? config.citationStyles).map { try loader.load($0) } } catch {
            throw Failure(description: "\(error)")
        }
        let cslItem = try Citations.cslItems([item])[0]
        let lines = styles.map { style -> String in
            let output = Citations.citation(cslItem, style: style, paragraph: String(paragraph))
            let text = format == .html ? output.html : format == .markdown ? CitationMarkdown.render(output) : output.text
            return styles.count == 1 ? text : "\(style.label): \(text)"
        }
        return (lines + ["\(url)#p\(paragraph)"]).joined(separator: "\n") + "\n"
    }

    private func format(_ items: [JSONValue], config: SiteConfig, styleName: String) throws -> String {
        switch format {
        case .cslJSON: return CitationExports.cslJSON(items)
        case .bibtex: return items.map(CitationExports.bibtex).joined(separator: "\n")
        case .ris: return items.map(CitationExports.ris).joined()
        case .text, .html, .markdown:
            let style: CitationStyle
            do { style = try CitationStyleLoader(siteDirectory: siteDirectory, language: config.language).load(styleName) } catch {
                throw Failure(description: "\(error)")
            }
            let entries = Citations.bibliography(try Citations.cslItems(items), style: style)
            switch format {
            case .html: return CSLProcessor.bibliographyHTML(entries) + "\n"
            case .markdown: return entries.map { CitationMarkdown.render($0.output) }.joined(separator: "\n\n") + "\n"
            default: return entries.map(\.text).joined(separator: "\n") + "\n"
            }
        }
    }

    /// The CSL item of one document, as its page gives it, with the access date of this term.
    private func item(_ id: String, site: Site, transcripts: any TranscriptSource, _ diagnostics: inout DiagnosticList) -> JSONValue? {
        // An id, or the name of a file whose front matter gives it another id (`slug:`).
        let byFileName = { (document: Document) in Identifier.slug(URL(fileURLWithPath: document.sourcePath).deletingPathExtension().lastPathComponent) == id }
        guard let document = site.document(id) ?? site.documents.first(where: byFileName) else {
            diagnostics.error("no document with the id '\(id)' in Content/documents/", at: SourceLocation(path: "Content/documents"))
            return nil
        }
        if let paragraph {
            let count = transcripts.transcript(of: document).paragraphs.count
            if !(1...max(1, count)).contains(paragraph) {
                diagnostics.error("'\(id)' has \(count) paragraphs; there is no ¶ \(paragraph)", at: SourceLocation(path: document.sourcePath))
                return nil
            }
        }
        let routes = Routes(config: site.config)
        var item = CitationItem.make(for: document, config: site.config, url: routes.absolute(Routes.document(document.id))) { site.speaker($0)?.name }
        if let accessed, case .object(var pairs) = item {
            pairs.append(("accessed", .object([("date-parts", .array([.array(accessed.parts.map { .int($0) })]))])))
            item = .object(pairs)
        }
        return item
    }
}
