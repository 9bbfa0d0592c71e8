import Foundation
import Templating
import ScholiaModel
import ScholiaLoad
import ScholiaResolve

/// One piece of rendering: a page, or a page with its downloads, and a fingerprint of everything its
/// output depends on. Equal fingerprints mean equal bytes, so the last build's files can stand.
package struct PageJob: Sendable {
    package let id: String
    /// nil for jobs cheap enough to run every time.
    package let fingerprint: UInt64?
    /// The paths of the files `render` makes, known before it runs, so that the preview can render the one job
    /// a request needs.
    package let paths: [String]
    package let render: @Sendable () -> [OutputFile]
}

/// What happened to one job in a build.
package struct RenderedJob: Sendable {
    package let id: String
    package let fingerprint: UInt64?
    /// The paths of the files made (and handed to the sink); nil when the fingerprint was the last build's
    /// and nothing was rendered.
    package let paths: [String]?

    package init(id: String, fingerprint: UInt64?, paths: [String]?) {
        self.id = id
        self.fingerprint = fingerprint
        self.paths = paths
    }
}

/// Renders the whole site. Pure: the same `Site`, templates and styles always give the same files.
package struct SitePages: Sendable {
    let site: Site
    /// Transcripts of documents that came from the cache without one, read when their page is made.
    let transcripts: any TranscriptSource
    let templates: TemplateSet
    let styles: SiteStyles
    let routes: Routes
    /// Every input that all pages share (templates, styles, configuration, Scholia itself), as one fingerprint.
    let environment: UInt64
    /// The lists' contexts, made once for this site (`TextEdits` shares them with the next).
    private var contexts: SharedContexts
    /// The built-in theme's assets that the site does not override: (path under the output, text).
    let builtInAssets: [(path: String, contents: String)]
    /// The search index's entries of an earlier build, by fingerprint (`SearchPages.entries`).
    let searchCache: DataCache?
    /// The last build's search index, for updating it rather than planning it whole.
    package let searchMemory: SearchIndexMemory?

    package init(site: Site, transcripts: any TranscriptSource, templates: TemplateSet, styles: SiteStyles, environment: UInt64,
         builtInAssets: [(path: String, contents: String)] = [], searchCache: DataCache? = nil, searchMemory: SearchIndexMemory? = nil) {
        self.site = site
        self.searchCache = searchCache
        self.searchMemory = searchMemory
        self.transcripts = transcripts
        self.builtInAssets = builtInAssets
        self.templates = templates
        self.styles = styles
        self.environment = environment
        routes = Routes(config: site.config)
        contexts = SharedContexts()
    }

    /// The render stage's one entry point. Renders, on every core, the jobs whose fingerprint `unchanged` does not
    /// recognise, handing each job's files to `sink` as soon as they are made; the others are left to the caller,
    /// who has their files from the last build.
    ///
    /// A document's page, its search display data and its search entry are made one after the other from one reading
    /// of its transcript, let go after. Once every document's page is made, the search index is planned from the
    /// entries beside the other pages, then its files are made.
    package func render(unchanged: @Sendable (_ id: String, _ fingerprint: UInt64) -> Bool, into sink: any OutputSink) -> [RenderedJob] {
        @Sendable func run(_ job: PageJob) -> RenderedJob {
            if let fingerprint = job.fingerprint, unchanged(job.id, fingerprint) {
                return RenderedJob(id: job.id, fingerprint: fingerprint, paths: nil)
            }
            let files = job.render()
            sink.receive(files, of: job.id)
            return RenderedJob(id: job.id, fingerprint: job.fingerprint, paths: files.map(\.path))
        }
        let index = SearchIndexJobs.isOff ? nil : SearchIndexJobs(site, transcripts, cache: searchCache, memory: searchMemory)
        let ordinals = Dictionary(site.documents.indices.map { (Routes.document(site.documents[$0].id), $0) }, uniquingKeysWith: { first, _ in first })
        let plans = plans(searchIndex: false)
        let documents = plans.indices.filter { ordinals[plans[$0].id] != nil }
        let others = plans.indices.filter { ordinals[plans[$0].id] == nil }
        let documentsDone = documents.parallelMap { position -> (page: RenderedJob, display: RenderedJob?) in
            let ordinal = ordinals[plans[position].id]!
            return transcripts.holding(site.documents[ordinal]) {
                let page = run(plans[position].job())
                guard let index else { return (page, nil) }
                let display = run(index.displayJob(ordinal))
                // Display data made again means an entry not in the cache (or a clean build): it is made now, while the
                // transcript is at hand. Any other entry the index needs is made when it is planned.
                if display.paths != nil { _ = index.entry(ordinal) }
                return (page, display)
            }
        }
        // Planning the index runs much of it on one core: the other pages keep the other cores busy meanwhile.
        let othersDone = ([nil] + others).parallelMap { position -> (page: RenderedJob?, indexJobs: [PageJob]) in
            guard let position else { return (nil, index?.indexFileJobs() ?? []) }
            return (run(plans[position].job()), [])
        }
        let indexFiles = othersDone[0].indexJobs.parallelMap(run)
        var pages = [RenderedJob?](repeating: nil, count: plans.count)
        for (position, done) in zip(documents, documentsDone) { pages[position] = done.page }
        for (position, done) in zip(others, othersDone.dropFirst()) { pages[position] = done.page }
        return pages.map { $0! } + indexFiles + documentsDone.compactMap(\.display)
    }

    /// Every job of the site with the paths it makes, not yet planned (no context, no fingerprint) nor rendered:
    /// the preview plans and renders each when a request or its background render first needs it. Without
    /// `searchIndex`, the search index's files (all under `Routes.search`) are left to `searchIndexJobs`.
    package func jobPlans(searchIndex: Bool) -> [JobPlan] {
        plans(searchIndex: searchIndex)
    }

    /// The search index's files: planning them plans the whole index, every word of every document.
    package func searchIndexJobs() -> [PageJob] {
        SearchIndexJobs(site, transcripts, cache: searchCache, memory: searchMemory).jobs()
    }

    /// `scholia serve`'s quick path (see `TextEdits`): the pages of `site`, which differs from this one's site only in
    /// the text of the documents `ids` and in what only their own pages show of the speakers `speakerIDs` and the topics
    /// `topicIDs`, so that every list shows what it showed; and the plans of those documents', speakers' and topics' pages.
    ///
    /// With `everyList`, a speaker's name or a topic's title changed, which lists show: the documents `relisted` (those
    /// whose people's names changed) are shown in lists anew, and the plans are those of the documents `ids` and of every
    /// page that is not a document's (each takes over the last plan's files when its fingerprint is the same).
    package func withEdits(_ site: Site, documents ids: [String], speakers speakerIDs: [String] = [], topics topicIDs: [String] = [],
                           collections collectionIDs: [String] = [], everyList: Bool = false, relisted: Set<String> = [],
                           searchMemory: SearchIndexMemory? = nil) -> (pages: SitePages, plans: [JobPlan]) {
        var pages = SitePages(site: site, transcripts: transcripts, templates: templates, styles: styles, environment: environment,
                              builtInAssets: builtInAssets, searchCache: searchCache, searchMemory: searchMemory)
        let shared = PageContexts(site: site, routes: routes, summariesOf: contexts.made { PageContexts(site: self.site, routes: routes) },
                                  except: relisted)
        pages.contexts = SharedContexts(shared)
        let plans = pages.documentPlans(ids, shared)
        if everyList { return (pages, plans + pages.plans(searchIndex: false, documentPages: false)) }
        let collections = site.collections.filter { collectionIDs.contains($0.id) }
        return (pages, plans + speakerIDs.compactMap(site.speaker).map { pages.speakerPlan($0, shared) }
                    + topicIDs.compactMap(site.topic).map { pages.topicPlan($0, shared) } + collections.map { pages.collectionPlan($0, shared) })
    }

    /// The plans of the pages of the documents `ids` alone, what they show of other documents made as it is needed
    /// rather than for every document of the site (`scholia build`'s quick path).
    package func documentPlans(_ ids: [String]) -> [JobPlan] {
        documentPlans(ids, PageContexts(onDemandFor: site, routes: routes))
    }

    private func documentPlans(_ ids: [String], _ shared: PageContexts) -> [JobPlan] {
        ids.compactMap(site.document).map { document in
            JobPlan(id: Routes.document(document.id), paths: documentPaths(document)) { [self] in documentJob(document, shared) }
        }
    }

    /// A job before it is planned: its id and paths are cheap to know, its context and fingerprint are not.
    package struct JobPlan: Sendable {
        package let id: String
        package let paths: [String]
        package let job: @Sendable () -> PageJob

        init(id: String, paths: [String], job: @escaping @Sendable () -> PageJob) {
            self.id = id
            self.paths = paths
            self.job = job
        }

        package init(_ job: PageJob) {
            self.init(id: job.id, paths: job.paths) { job }
        }
    }

    private func speakerPlan(_ speaker: Speaker, _ contexts: PageContexts) -> JobPlan {
        let route = Routes.speaker(speaker.id)
        return JobPlan(id: route, paths: [Routes.outputPath(route)]) { [self] in
            listJob(route, "speaker", shows: speaker.documentIDs, contexts, head: ListPages.speaker(speaker, contexts, documents: false)) {
                ListPages.speaker(speaker, contexts)
            }
        }
    }

    private func topicPlan(_ topic: Topic, _ contexts: PageContexts) -> JobPlan {
        let route = Routes.topic(topic.id)
        return JobPlan(id: route, paths: [Routes.outputPath(route)]) { [self] in
            listJob(route, "topic", shows: topic.documentIDs, contexts, head: ListPages.topic(topic, contexts, documents: false)) {
                ListPages.topic(topic, contexts)
            }
        }
    }

    private func collectionPlan(_ collection: Collection, _ contexts: PageContexts) -> JobPlan {
        let route = Routes.collection(collection.id)
        return JobPlan(id: route, paths: collectionPaths(route)) { [self] in collectionJob(collection, contexts) }
    }

    private func plans(searchIndex: Bool = true, documentPages: Bool = true) -> [JobPlan] {
        let contexts = self.contexts.made { PageContexts(site: site, routes: routes) }
        var plans: [JobPlan] = []
        func page(_ route: String, _ template: String, _ context: @escaping @Sendable () -> TemplateValue) {
            plans.append(JobPlan(id: route, paths: [Routes.outputPath(route)]) { [self] in htmlJob(route, template, context()) })
        }
        page(Routes.home, "home") { HomePage.context(contexts) }
        page(Routes.notFound, "404") { contexts.page(title: "Page not found", route: Routes.notFound, section: "") }
        let pageSize = site.config.paginate
        let pageCount = max(1, (site.documents.count + pageSize - 1) / pageSize)
        for number in 1...pageCount {
            let shown = site.documents.indices.dropFirst((number - 1) * pageSize).prefix(pageSize)
            plans.append(JobPlan(id: Routes.documents(page: number), paths: [Routes.outputPath(Routes.documents(page: number))]) { [self] in
                listJob(Routes.documents(page: number), "documents", shows: shown.map { site.documents[$0].id }, contexts,
                        and: [number, pageCount, site.documents.count]) {
                    ListPages.documents(contexts, page: number, of: pageCount)
                }
            })
        }
        // By index: a closure that holds a document retains each of its fields, 10,000 times over.
        for index in site.documents.indices where documentPages {
            plans.append(JobPlan(id: Routes.document(site.documents[index].id), paths: documentPaths(site.documents[index])) { [self] in
                documentJob(site.documents[index], contexts)
            })
        }
        page(Routes.speakers, "speakers") { ListPages.speakers(contexts) }
        plans += site.speakers.map { speakerPlan($0, contexts) }
        page(Routes.topics, "topics") { ListPages.topics(contexts) }
        plans += site.topics.map { topicPlan($0, contexts) }
        page(Routes.types, "types") { ListPages.types(contexts) }
        page(Routes.years, "years") { ListPages.years(contexts) }
        for (year, ids) in site.years {
            let title = "Documents from \(PartialDate.displayYear(year))"
            plans.append(JobPlan(id: Routes.year(year), paths: [Routes.outputPath(Routes.year(year))]) { [self] in
                listJob(Routes.year(year), "list", shows: ids, contexts, and: [], title, "years") {
                    ListPages.list(title: title, route: Routes.year(year), section: "years", ids: ids, contexts)
                }
            })
        }
        for (type, ids) in site.types {
            let title = DocumentTypes.plural(type)
            plans.append(JobPlan(id: Routes.type(type), paths: [Routes.outputPath(Routes.type(type))]) { [self] in
                listJob(Routes.type(type), "list", shows: ids, contexts, and: [], title, "documents") {
                    ListPages.list(title: title, route: Routes.type(type), section: "documents", ids: ids, contexts)
                }
            })
        }
        page(Routes.collections, "collections") { ListPages.collections(contexts) }
        plans += site.collections.map { collectionPlan($0, contexts) }
        plans.append(JobPlan(builtInAssetsJob()))
        page(Routes.search, "search") { SearchPages.context(contexts) }
        if searchIndex { plans += searchIndexJobs().map(JobPlan.init) }
        // The feed (twenty entries) is made to be fingerprinted; the sitemap, a line per page (tens of thousands, the
        // longest job an edit ran), is fingerprinted by its routes (the base URL is in the environment) and made only when
        // the feed or the pages changed.
        plans.append(JobPlan(id: Routes.feed, paths: [Routes.feed, Routes.sitemap]) { [self] in
            let atom = Feeds.atom(site: site, routes: routes)
            let pages = Feeds.sitemapRoutes(site: site, extraRoutes: extraRoutes())
            var fingerprint = fingerprint(Routes.feed, "feeds")
            fingerprint.add(atom.data)
            fingerprint.add(pages.count)
            for route in pages { fingerprint.add(route) }
            return PageJob(id: Routes.feed, fingerprint: fingerprint.value, paths: [Routes.feed, Routes.sitemap]) { [routes] in
                [atom, Feeds.sitemap(routes: routes, pages: pages)]
            }
        })
        return plans
    }

    /// The built-in theme's assets that the site does not override, and `/favicon.ico` unless the site has its own.
    private func builtInAssetsJob() -> PageJob {
        let favicon = !site.staticFiles.contains { $0.outputPath == Favicon.path }
        var fingerprint = fingerprint("assets/", favicon ? Favicon.path : "")
        for asset in builtInAssets { fingerprint.add(asset.path + "\n" + asset.contents) }
        let paths = builtInAssets.map(\.path) + (favicon ? [Favicon.path] : [])
        return PageJob(id: "assets/", fingerprint: fingerprint.value, paths: paths) { [builtInAssets] in
            builtInAssets.map { OutputFile(path: $0.path, data: Data($0.contents.utf8)) } + (favicon ? [OutputFile(path: Favicon.path, data: Favicon.ico)] : [])
        }
    }

    /// A page whose context is all it depends on (besides the environment).
    private func htmlJob(_ route: String, _ template: String, _ context: TemplateValue) -> PageJob {
        var fingerprint = fingerprint(route, template)
        fingerprint.add(context)
        return PageJob(id: route, fingerprint: fingerprint.value, paths: [Routes.outputPath(route)]) { [self] in [html(route, template, context)] }
    }

    /// A page that shows the documents `ids` as lists do (`addListing`) and otherwise only the numbers and texts given,
    /// and `head`, its context without those documents: fingerprinted from those, its context made only when it is
    /// (500 pages of 20 at 10,000 documents; a speaker's or topic's page lists hundreds).
    private func listJob(_ route: String, _ template: String, shows ids: [String], _ contexts: PageContexts, head: TemplateValue? = nil,
                         and numbers: [Int] = [], _ texts: String..., context: @escaping @Sendable () -> TemplateValue) -> PageJob {
        var fingerprint = fingerprint(route, template)
        for number in numbers { fingerprint.add(number) }
        for text in texts { fingerprint.add(text) }
        if let head { fingerprint.add(head) }
        fingerprint.add(ids.count)
        for id in ids { fingerprint.addListing(id, contexts) }
        return PageJob(id: route, fingerprint: fingerprint.value, paths: [Routes.outputPath(route)]) { [self] in [html(route, template, context())] }
    }

    private func fingerprint(_ id: String, _ template: String) -> Fingerprint {
        var fingerprint = Fingerprint(id, template)
        fingerprint.add(environment)
        return fingerprint
    }

    /// Pages other than documents, speakers and topics, for the sitemap.
    private func extraRoutes() -> [String] {
        let pageCount = max(1, (site.documents.count + site.config.paginate - 1) / site.config.paginate)
        return [Routes.home] + (1...pageCount).map { Routes.documents(page: $0) } + [Routes.speakers, Routes.topics, Routes.types, Routes.years]
            + site.years.map { Routes.year($0.year) } + site.types.map { Routes.type($0.type) }
            + [Routes.collections] + site.collections.map { Routes.collection($0.id) }
    }

    private func collectionPaths(_ route: String) -> [String] {
        [Routes.outputPath(route)] + ["txt", "bib", "ris", "json"].map { route + "bibliography." + $0 }
    }

    /// The reading list's page and its bibliography in the collection's style as text, BibTeX, RIS and
    /// CSL-JSON. Its citation items and styles stand for the bibliographies in the fingerprint.
    private func collectionJob(_ collection: Collection, _ contexts: PageContexts) -> PageJob {
        let route = Routes.collection(collection.id)
        let json = collection.items.compactMap { site.document($0.documentID).map(citationItem) }
        let context = ListPages.collection(collection, contexts)
        let styles = styles.forCollection(collection), siteOrder = self.styles.configured.map(\.name)
        var fingerprint = fingerprint(route, "collection")
        fingerprint.add(context)
        fingerprint.add(JSONValue.array(json))
        for style in styles { fingerprint.add(style.name) }
        return PageJob(id: route, fingerprint: fingerprint.value, paths: collectionPaths(route)) { [self] in
            let items = (try? Citations.cslItems(json)) ?? []
            let bibliographies = styles.map { style in (style: style, entries: Citations.bibliography(items, style: style)) }
            let text = bibliographies.first.map { $0.entries.map(\.text).joined(separator: "\n") + "\n" } ?? ""
            return [
                html(route, "collection", ListPages.withBibliographies(context, bibliographies, siteOrder: siteOrder)),
                OutputFile(path: route + "bibliography.txt", data: Data(text.utf8)),
                OutputFile(path: route + "bibliography.bib", data: Data(json.map(CitationExports.bibtex).joined(separator: "\n").utf8)),
                OutputFile(path: route + "bibliography.ris", data: Data(json.map(CitationExports.ris).joined().utf8)),
                OutputFile(path: route + "bibliography.json", data: Data(CitationExports.cslJSON(json).utf8)),
            ]
        }
    }

    private func html(_ route: String, _ template: String, _ context: TemplateValue) -> OutputFile {
        OutputFile(path: Routes.outputPath(route), data: Data(templates.render(template, context).utf8))
    }

    /// The document's CSL item: made when the page or a reading list that names it is made.
    private func citationItem(_ document: Document) -> JSONValue {
        CitationItem.make(for: document, config: site.config, url: routes.absolute(Routes.document(document.id))) { site.speaker($0)?.name }
    }

    private func documentPaths(_ document: Document) -> [String] {
        [Routes.outputPath(Routes.document(document.id))] + ["json", "bib", "ris"].map { Routes.citation(document.id, $0) }
            + (document.annotations.isEmpty ? [] : [Routes.annotations(document.id)])
    }

    /// The document's page, its citation downloads and its annotations, fingerprinted by what they are made from
    /// (`addDocumentPageInputs`): the page's context is built only when it is made.
    private func documentJob(_ document: Document, _ contexts: PageContexts) -> PageJob {
        let route = Routes.document(document.id)
        var fingerprint = fingerprint(route, "document")
        fingerprint.addDocumentPageInputs(document, contexts)
        for style in styles.configured { fingerprint.add(style.name) }
        return PageJob(id: route, fingerprint: fingerprint.value, paths: documentPaths(document)) { [self] in
            let item = citationItem(document)
            let context = DocumentPage.context(document, contexts, item: item)
            let citations = (try? Citations.cslItems([item]).first).map { Citations.render($0, styles: styles.configured) } ?? []
            let text = transcripts.transcript(of: document)
            let transcriptHTML = DocumentPage.transcriptRenderer(contexts).render(text, annotations: document.annotations)
            return [
                html(route, "document", DocumentPage.withTranscript(context, transcriptHTML: transcriptHTML, citations: citations)),
                OutputFile(path: Routes.citation(document.id, "json"), data: Data(CitationExports.cslJSON([item]).utf8)),
                OutputFile(path: Routes.citation(document.id, "bib"), data: Data(CitationExports.bibtex(item).utf8)),
                OutputFile(path: Routes.citation(document.id, "ris"), data: Data(CitationExports.ris(item).utf8)),
            ] + (document.annotations.isEmpty ? [] : [annotationsFile(document, text)])
        }
    }

    /// `annotations.jsonld`: the document's notes as a W3C Web Annotation collection.
    private func annotationsFile(_ document: Document, _ transcript: Transcript) -> OutputFile {
        let json = WebAnnotationExport.jsonld(
            document.annotations, transcript: transcript, title: document.title,
            documentURL: routes.absolute(Routes.document(document.id)), collectionURL: routes.absolute(Routes.annotations(document.id)),
            language: document.language ?? site.config.language) { id in
                switch AnnotationLinks.resolve(id, isDocument: site.hasDocument, isSpeaker: site.hasSpeaker) {
                case .document(let target): routes.absolute(Routes.document(target))
                case .speaker(let target): routes.absolute(Routes.speaker(target))
                case nil: nil
                }
            }
        return OutputFile(path: Routes.annotations(document.id), data: Data(json.utf8))
    }
}
