import Foundation

/// One file of output: where it goes (relative to the output folder) and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
}

/// Renders the whole site. Pure: the same `Site` and templates always give the same files.
struct SitePages: Sendable {
    let site: Site
    let templates: TemplateSet
    let styles: SiteStyles
    let routes: Routes
    let citationItems: [String: JSONValue]
    /// For resolving annotation links.
    let documentIDs: Set<String>, speakerIDs: Set<String>

    init(site: Site, templates: TemplateSet, styles: SiteStyles) {
        self.site = site
        self.templates = templates
        self.styles = styles
        routes = Routes(config: site.config)
        var items: [String: JSONValue] = [:]
        for document in site.documents {
            items[document.id] = CitationItem.make(for: document, config: site.config, url: routes.absolute(Routes.document(document.id))) {
                site.speaker($0)?.name
            }
        }
        citationItems = items
        documentIDs = Set(site.documents.map(\.id))
        speakerIDs = Set(site.speakers.map(\.id))
    }

    /// Every page, rendered on every core.
    func render() -> [OutputFile] {
        let jobs = pageJobs()
        return jobs.parallelMap { job in job() }.flatMap { $0 }
    }

    typealias Job = @Sendable () -> [OutputFile]

    private func pageJobs() -> [Job] {
        let contexts = PageContexts(site: site, routes: routes)
        var jobs: [Job] = []
        jobs.append { [self] in [html(Routes.home, "home", HomePage.context(contexts))] }
        jobs.append { [self] in [html(Routes.notFound, "404", contexts.page(title: "Page not found", route: Routes.notFound, section: ""))] }
        let pageSize = site.config.paginate
        let pageCount = max(1, (site.documents.count + pageSize - 1) / pageSize)
        for number in 1...pageCount {
            jobs.append { [self] in [html(Routes.documents(page: number), "documents", ListPages.documents(contexts, page: number, of: pageCount))] }
        }
        for document in site.documents {
            jobs.append { [self] in documentFiles(document, contexts) }
        }
        jobs.append { [self] in [html(Routes.speakers, "speakers", ListPages.speakers(contexts))] }
        for speaker in site.speakers {
            jobs.append { [self] in [html(Routes.speaker(speaker.id), "speaker", ListPages.speaker(speaker, contexts))] }
        }
        jobs.append { [self] in [html(Routes.topics, "topics", ListPages.topics(contexts))] }
        for topic in site.topics {
            jobs.append { [self] in [html(Routes.topic(topic.id), "topic", ListPages.topic(topic, contexts))] }
        }
        jobs.append { [self] in [html(Routes.years, "years", ListPages.years(contexts))] }
        for (year, ids) in site.years {
            jobs.append { [self] in [html(Routes.year(year), "list", ListPages.list(title: "Documents from \(year)", route: Routes.year(year), section: "years", ids: ids, contexts))] }
        }
        for (type, ids) in site.types {
            let title = DocumentTypes.label(type) + (type.hasSuffix("s") ? "" : "s")
            jobs.append { [self] in [html(Routes.type(type), "list", ListPages.list(title: title, route: Routes.type(type), section: "documents", ids: ids, contexts))] }
        }
        jobs.append { [self] in [html(Routes.collections, "collections", ListPages.collections(contexts))] }
        for collection in site.collections {
            jobs.append { [self] in collectionFiles(collection, contexts) }
        }
        jobs.append { [self] in [Feeds.atom(site: site, routes: routes), Feeds.sitemap(site: site, routes: routes, extraRoutes: extraRoutes())] }
        return jobs
    }

    /// Pages other than documents, speakers and topics, for the sitemap.
    private func extraRoutes() -> [String] {
        let pageCount = max(1, (site.documents.count + site.config.paginate - 1) / site.config.paginate)
        return [Routes.home] + (1...pageCount).map { Routes.documents(page: $0) } + [Routes.speakers, Routes.topics, Routes.years]
            + site.years.map { Routes.year($0.year) } + site.types.map { Routes.type($0.type) }
            + [Routes.collections] + site.collections.map { Routes.collection($0.id) }
    }

    /// The reading list's page and its bibliography in the collection's style as text, BibTeX, RIS and CSL-JSON.
    private func collectionFiles(_ collection: Collection, _ contexts: PageContexts) -> [OutputFile] {
        let json = collection.items.compactMap { citationItems[$0.documentID] }
        let items = (try? Citations.cslItems(json)) ?? []
        let bibliographies = styles.forCollection(collection).map { style in
            (style: style, entries: Citations.bibliography(items, style: style))
        }
        let route = Routes.collection(collection.id)
        let text = bibliographies.first.map { $0.entries.map(\.text).joined(separator: "\n") + "\n" } ?? ""
        return [
            html(route, "collection", ListPages.collection(collection, contexts, bibliographies: bibliographies)),
            OutputFile(path: route + "bibliography.txt", data: Data(text.utf8)),
            OutputFile(path: route + "bibliography.bib", data: Data(json.map(CitationExports.bibtex).joined(separator: "\n").utf8)),
            OutputFile(path: route + "bibliography.ris", data: Data(json.map(CitationExports.ris).joined().utf8)),
            OutputFile(path: route + "bibliography.json", data: Data(CitationExports.cslJSON(json).utf8)),
        ]
    }

    private func html(_ route: String, _ template: String, _ context: [String: Any]) -> OutputFile {
        OutputFile(path: Routes.outputPath(route), data: Data(templates.render(template, context).utf8))
    }

    private func documentFiles(_ document: Document, _ contexts: PageContexts) -> [OutputFile] {
        let item = citationItems[document.id]!
        let citations = (try? Citations.cslItems([item]).first).map { Citations.render($0, styles: styles.configured) } ?? []
        return [
            html(Routes.document(document.id), "document", DocumentPage.context(document, contexts, item: item, citations: citations)),
            OutputFile(path: Routes.citation(document.id, "json"), data: Data(CitationExports.cslJSON([item]).utf8)),
            OutputFile(path: Routes.citation(document.id, "bib"), data: Data(CitationExports.bibtex(item).utf8)),
            OutputFile(path: Routes.citation(document.id, "ris"), data: Data(CitationExports.ris(item).utf8)),
        ] + (document.annotations.isEmpty ? [] : [annotationsFile(document)])
    }

    /// `annotations.jsonld`: the document's notes as a W3C Web Annotation collection.
    private func annotationsFile(_ document: Document) -> OutputFile {
        let json = WebAnnotationExport.jsonld(
            document.annotations, transcript: document.transcript, title: document.title,
            documentURL: routes.absolute(Routes.document(document.id)), collectionURL: routes.absolute(Routes.annotations(document.id)),
            language: document.language ?? site.config.language) { id in
                switch AnnotationLinks.resolve(id, documentIDs: documentIDs, speakerIDs: speakerIDs) {
                case .document(let target): routes.absolute(Routes.document(target))
                case .speaker(let target): routes.absolute(Routes.speaker(target))
                case nil: nil
                }
            }
        return OutputFile(path: Routes.annotations(document.id), data: Data(json.utf8))
    }
}
