import Templating
import ScholiaModel
import ScholiaLoad

/// Builds the values templates see. Everything here is plain data: templates escape text, and the few
/// values ending in `HTML` were made safe before (Markdown through cmark, plain text escaped).
struct PageContexts: Sendable {
    let site: Site
    let routes: Routes
    /// Each document as it appears in lists, made once per build (lists show the same document many times).
    private let summaryByID: [String: TemplateValue]
    /// Each document's `listingKey`: what lists show of it, fingerprinted once per build rather than once per page
    /// that shows it (a document's page shows its related documents and neighbours, 70,000 listings at 10,000 documents).
    private let listingKeyByID: [String: UInt64]

    init(site: Site, routes: Routes) {
        self.site = site
        self.routes = routes
        // By index: copying a document retains each of its fields.
        let made = Array(site.documents.indices).parallelMap { [routes] index in
            (Self.summary(site.documents[index], site: site, routes: routes), Fingerprint.listingKey(of: site.documents[index], site))
        }
        let ids = site.documents.indices.map { site.documents[$0].id }
        summaryByID = Dictionary(uniqueKeysWithValues: zip(ids, made.map(\.0)))
        listingKeyByID = Dictionary(uniqueKeysWithValues: zip(ids, made.map(\.1)))
    }

    /// For a site whose documents show in lists as they do in `other`'s but for `relisted` (`scholia serve`'s quick
    /// path): its summaries, those of `relisted` made when asked for.
    init(site: Site, routes: Routes, summariesOf other: PageContexts, except relisted: Set<String> = []) {
        self.site = site
        self.routes = routes
        var (summaries, keys) = (other.summaryByID, other.listingKeyByID)
        for id in relisted { (summaries[id], keys[id]) = (nil, nil) }
        (summaryByID, listingKeyByID) = (summaries, keys)
    }

    /// For the few pages of a quick build (`SitePages.documentPlans`): each summary and listing key made when asked for.
    init(onDemandFor site: Site, routes: Routes) {
        self.site = site
        self.routes = routes
        summaryByID = [:]
        listingKeyByID = [:]
    }

    /// The fingerprint of what lists show of the document `id` (`Fingerprint.listingKey`), nil if there is no such document.
    func listingKey(_ id: String) -> UInt64? {
        listingKeyByID[id] ?? site.document(id).map { Fingerprint.listingKey(of: $0, site) }
    }

    func link(_ route: String) -> String { routes.link(route) }

    /// The parts every page shares: the site, the page's own URLs, the navigation.
    func page(title: String, route: String, section: String, description: String? = nil) -> TemplateValue {
        let sections: [(String, String, String)] = [("Documents", Routes.documents(), "documents"), ("Speakers", Routes.speakers, "speakers"),
                                                    ("Topics", Routes.topics, "topics"), ("Years", Routes.years, "years"),
                                                    ("Collections", Routes.collections, "collections")]
        return [
            "site": ["title": .text(site.config.title), "home": .text(link(Routes.home)), "language": .text(site.config.language),
                     "feed": .text(link(Routes.feed)), "search": .text(link(Routes.search)), "feedURL": .text(routes.absolute(Routes.feed)), "publisher": .optional(site.config.publisher)],
            "page": ["title": .text(title), "url": .text(routes.absolute(route)), "description": .optional(description),
                     "isHome": .flag(route == Routes.home), "ogType": "website"],
            "assets": ["css": .text(link(Routes.asset("scholia.css"))), "js": .text(link(Routes.asset("scholia.js"))),
                       "favicon": .text(link(Routes.asset("favicon.svg")))],
            "nav": .list(sections.map { label, target, key in
                ["label": .text(label), "href": .text(link(target)), "current": .flag(key == section)]
            }),
        ]
    }

    /// "1 document", "12 documents".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func speakerNames(_ document: Document, site: Site) -> String {
        document.participants.compactMap { site.speaker($0.speakerID)?.name.display }.joined(separator: ", ")
    }

    /// One document in a list.
    func summary(_ document: Document) -> TemplateValue {
        summaryByID[document.id] ?? Self.summary(document, site: site, routes: routes)
    }

    private static func summary(_ document: Document, site: Site, routes: Routes) -> TemplateValue {
        [
            "title": .text(document.title), "href": .text(routes.link(Routes.document(document.id))), "date": .text(document.date.display),
            "dateISO": .text(document.date.start.iso), "type": .text(DocumentTypes.label(document.type)),
            "speakers": .optional(speakerNames(document, site: site)), "summaryHTML": .optional(document.summaryHTML),
        ]
    }

    func summaries(_ ids: [String]) -> TemplateValue {
        .list(ids.compactMap { summaryByID[$0] ?? site.document($0).map(summary) })
    }

    func speakerLink(_ id: String, count: Int? = nil) -> TemplateValue? {
        guard let speaker = site.speaker(id) else { return nil }
        var value: TemplateValue = ["name": .text(speaker.name.display), "href": .text(link(Routes.speaker(id)))]
        if let count { value["count"] = .number(count) }
        return value
    }

    func topicLink(_ id: String, count: Int? = nil) -> TemplateValue? {
        guard let topic = site.topic(id) else { return nil }
        var value: TemplateValue = ["title": .text(topic.title), "href": .text(link(Routes.topic(id)))]
        if let count { value["count"] = .number(count) }
        return value
    }

    /// Documents grouped by year, newest first.
    func byYear(_ ids: [String]) -> TemplateValue {
        var groups: [(Int, [String])] = []
        for id in ids {
            guard let year = site.document(id)?.date.year else { continue }
            if groups.last?.0 == year { groups[groups.count - 1].1.append(id) } else { groups.append((year, [id])) }
        }
        return .list(groups.map { ["year": .text(PartialDate.displayYear($0.0)), "href": .text(link(Routes.year($0.0))), "documents": summaries($0.1)] })
    }

    func roleSpans(_ roles: [RoleSpan]) -> TemplateValue {
        .list(roles.map { role in
            let span: String
            switch (role.from.map(DocumentDate.display), role.to.map(DocumentDate.display)) {
            case let (from?, to?): span = from == to ? from : "\(from)–\(to)"
            case let (from?, nil): span = "from \(from)"
            case let (nil, to?): span = "until \(to)"
            default: span = ""
            }
            return ["title": .text(role.title), "span": .text(span)]
        })
    }
}
