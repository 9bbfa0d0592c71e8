import CSL
import Foundation

/// `scholia cite`: citations of some documents, or of a reading list, in one style and format.
/// It reads only the files it needs (site.yml, the documents, their speakers), never the whole site.
public struct CiteRequest: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, html, markdown, cslJSON = "csl-json", bibtex, ris
    }

    public var siteDirectory: URL
    public var documentIDs: [String]
    public var collectionID: String?
    /// Default: the collection's style, else the first of `citation_styles`.
    public var style: String?
    public var format: Format = .text
    public var accessed: PartialDate?
    /// Cite one paragraph of one document: its short form in each style, with a link to the passage.
    public var paragraph: Int?

    public init(siteDirectory: URL, documentIDs: [String], collectionID: String? = nil, style: String? = nil,
                format: Format = .text, accessed: PartialDate? = nil, paragraph: Int? = nil) {
        self.paragraph = paragraph
        self.siteDirectory = siteDirectory
        self.documentIDs = documentIDs
        self.collectionID = collectionID
        self.style = style
        self.format = format
        self.accessed = accessed
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The citations, ready to print; content errors are thrown as `ContentErrors`.
    public func run() throws -> String {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: siteDirectory.appendingPathComponent("site.yml"), displayPath: "site.yml", &diagnostics)
        var ids = documentIDs
        var collectionStyle: String?
        if let collectionID {
            let loaded = loadCollection(collectionID, config: config, &diagnostics)
            ids += loaded?.collection.items.map(\.documentID) ?? []
            collectionStyle = loaded?.collection.style
        }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        guard !ids.isEmpty else { throw Failure(description: "name at least one document id, or --collection ID") }

        let items = ids.map { id -> JSONValue in loadItem(id, config: config, &diagnostics) ?? .null }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        if let paragraph {
            guard items.count == 1, let url = items[0]["URL"]?.stringValue else { throw Failure(description: "--paragraph cites one document") }
            return try pinpoint(items[0], paragraph: paragraph, url: url, config: config)
        }
        return try format(items, config: config, styleName: style ?? collectionStyle ?? config.citationStyles[0])
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

    /// The CSL item of one document, with the access date of this term.
    private func loadItem(_ id: String, config: SiteConfig, _ diagnostics: inout DiagnosticList) -> JSONValue? {
        guard let file = findDocument(id) else {
            diagnostics.error("no document with the id '\(id)' in Content/documents/", at: SourceLocation(path: "Content/documents"))
            return nil
        }
        let (loaded, found) = DocumentLoader(config: config, speakerFiles: [:]).load(file)
        diagnostics.append(contentsOf: found)
        guard let loaded else { return nil }
        if let paragraph, !(1...max(1, loaded.document.transcript.paragraphs.count)).contains(paragraph) {
            diagnostics.error("'\(id)' has \(loaded.document.transcript.paragraphs.count) paragraphs; there is no ¶ \(paragraph)",
                              at: SourceLocation(path: file.displayPath))
            return nil
        }
        let entities = EntityLoader(config: config)
        var names: [String: PersonName] = [:]
        for reference in loaded.speakers {
            let path = "Content/speakers/\(reference.id).md"
            let url = siteDirectory.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path), let speaker = entities.speaker(url, displayPath: path, &diagnostics) {
                names[reference.id] = speaker.name
            } else if names[reference.id] == nil {
                names[reference.id] = PersonName(splitting: reference.name ?? Identifier.humanize(reference.id))
            }
        }
        let routes = Routes(config: config)
        var item = CitationItem.make(for: loaded.document, config: config, url: routes.absolute(Routes.document(loaded.document.id))) { names[$0] }
        if let accessed, case .object(var pairs) = item {
            pairs.append(("accessed", .object([("date-parts", .array([.array(accessed.parts.map { .int($0) })]))])))
            item = .object(pairs)
        }
        return item
    }

    /// `Content/documents/ID.md` or `.txt`; else (a file name that is not an id, or a `slug:`) a scan of the folder.
    private func findDocument(_ id: String) -> DocumentLoader.File? {
        let folder = siteDirectory.appendingPathComponent("Content/documents")
        let direct = ["\(id).md", "\(id).txt"].filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard let name = direct.first ?? scanForDocument(id, in: folder) else { return nil }
        let url = folder.appendingPathComponent(name)
        let isText = url.pathExtension == "txt"
        let stem = url.deletingPathExtension().lastPathComponent
        let sidecar = folder.appendingPathComponent(stem + ".yml")
        let hasSidecar = isText && FileManager.default.fileExists(atPath: sidecar.path)
        return DocumentLoader.File(url: url, displayPath: "Content/documents/\(name)", sidecar: hasSidecar ? sidecar : nil,
                                   sidecarDisplayPath: hasSidecar ? "Content/documents/\(stem).yml" : nil, isPlainText: isText)
    }

    private func scanForDocument(_ id: String, in folder: URL) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        if let name = names.first(where: { ["md", "txt"].contains(($0 as NSString).pathExtension) && Identifier.slug(($0 as NSString).deletingPathExtension) == id }) {
            return name
        }
        let bySlug = names.first { name in
            guard ["md", "yml"].contains((name as NSString).pathExtension), !name.hasSuffix(".notes.yml"),
                  let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(name).path) else { return false }
            defer { try? handle.close() }
            let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
            return head.contains("\nslug: \(id)\n") || head.hasPrefix("slug: \(id)\n")
        }
        guard let bySlug else { return nil }
        return bySlug.hasSuffix(".yml") ? (bySlug as NSString).deletingPathExtension + ".txt" : bySlug
    }

    private func loadCollection(_ id: String, config: SiteConfig, _ diagnostics: inout DiagnosticList) -> LoadedCollection? {
        let path = "Content/collections/\(id).md"
        let url = siteDirectory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error("no reading list '\(id)': expected \(path)", at: SourceLocation(path: path))
            return nil
        }
        return EntityLoader(config: config).collection(url, displayPath: path, &diagnostics)
    }
}
