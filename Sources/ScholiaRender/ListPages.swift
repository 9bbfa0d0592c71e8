import CSL
import Templating
import ScholiaModel
import ScholiaLoad

/// Contexts of the home page and the index pages: documents, speakers, topics, years, collections.
enum HomePage {
    static func context(_ contexts: PageContexts) -> TemplateValue {
        let site = contexts.site
        var context = contexts.page(title: site.config.title, route: Routes.home, section: "home")
        let topSpeakers = site.speakers.sorted { ($1.documentIDs.count, $0.name.sortKey) < ($0.documentIDs.count, $1.name.sortKey) }.prefix(12)
        context["documents"] = .list(site.documents.prefix(10).map(contexts.summary))
        context["speakers"] = .list(topSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.documentIDs.count) })
        context["topics"] = .list(site.topics.compactMap { contexts.topicLink($0.id, count: $0.documentIDs.count) })
        context["years"] = .list(site.years.map { ["year": .text(PartialDate.displayYear($0.year)), "href": .text(contexts.link(Routes.year($0.year))), "count": .number($0.documentIDs.count)] })
        context["types"] = .list(site.types.map { type, ids in
            ["label": .text(DocumentTypes.label(type)), "href": .text(contexts.link(Routes.type(type))), "count": .number(ids.count)]
        })
        context["collections"] = ListPages.collectionSummaries(contexts)
        context["documentCount"] = .number(site.documents.count)
        context["allDocuments"] = .text(contexts.link(Routes.documents()))
        context["allTypes"] = .text(contexts.link(Routes.types))
        return context
    }
}

enum ListPages {
    static func documents(_ contexts: PageContexts, page: Int, of pageCount: Int) -> TemplateValue {
        let site = contexts.site
        let size = site.config.paginate
        let title = page == 1 ? "All documents" : "All documents, page \(page) of \(pageCount)"
        var context = contexts.page(title: title, route: Routes.documents(page: page), section: "documents")
        let slice = site.documents.dropFirst((page - 1) * size).prefix(size)
        context["heading"] = "All documents"
        context["documents"] = .list(slice.map(contexts.summary))
        context["count"] = .number(site.documents.count)
        if pageCount > 1 {
            context["pagination"] = [
                "current": .number(page), "total": .number(pageCount),
                "previous": .text(page > 1 ? contexts.link(Routes.documents(page: page - 1)) : ""),
                "next": .text(page < pageCount ? contexts.link(Routes.documents(page: page + 1)) : ""),
                "pages": .list(pagerNumbers(page, of: pageCount).map { number, gapBefore in
                    ["number": .number(number), "href": .text(contexts.link(Routes.documents(page: number))), "current": .flag(number == page),
                     "gapBefore": .flag(gapBefore)]
                }),
            ]
        }
        return context
    }

    /// The page numbers a pager links to: the first and the last, and the two either side of the current one, each
    /// with whether numbers were skipped before it. Every number on every page would make the pages of a large site
    /// grow with their count (5,000 pages of 5,000 links at 100,000 documents) and be no help to a reader.
    static func pagerNumbers(_ current: Int, of count: Int) -> [(number: Int, gapBefore: Bool)] {
        let shown = Set([1, count] + (max(1, current - 2)...min(count, current + 2)))
        var last = 0
        return shown.sorted().map { number in
            defer { last = number }
            return (number, number > last + 1)
        }
    }

    static func list(title: String, route: String, section: String, ids: [String], _ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: title, route: route, section: section)
        context["heading"] = .text(title)
        context["documents"] = contexts.summaries(ids)
        return context
    }

    static func speakers(_ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: "Speakers", route: Routes.speakers, section: "speakers")
        context["speakers"] = .list(contexts.site.speakers.map { speaker in
            let role = TemplateValue.optional(speaker.documentRoles.last?.title ?? speaker.declaredRoles.last?.title)
            return ["name": .text(speaker.name.display), "href": .text(contexts.link(Routes.speaker(speaker.id))),
                    "count": .number(speaker.documentIDs.count), "role": role,
                    "countLabel": .text(PageContexts.count(speaker.documentIDs.count, "document"))]
        })
        return context
    }

    /// Without `documents`, the page's context but its list of documents, for the page's fingerprint (`SitePages.listJob`).
    static func speaker(_ speaker: Speaker, _ contexts: PageContexts, documents: Bool = true) -> TemplateValue {
        var context = contexts.page(title: speaker.name.display, route: Routes.speaker(speaker.id), section: "speakers")
        context["speaker"] = [
            "id": .text(speaker.id), "name": .text(speaker.name.display), "born": .optional(speaker.born.map(DocumentDate.display)),
            "died": .optional(speaker.died.map(DocumentDate.display)),
            "aliases": .text(speaker.aliases.joined(separator: ", ")),
            "declaredRoles": contexts.roleSpans(speaker.declaredRoles), "documentRoles": contexts.roleSpans(speaker.documentRoles),
            "biographyHTML": .optional(speaker.biographyHTML), "documentCount": .number(speaker.documentIDs.count),
            "documentsByYear": documents ? contexts.byYear(speaker.documentIDs) : .list([]),
            "coSpeakers": .list(speaker.coSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.count) }),
            "topics": .list(speaker.topics.compactMap { contexts.topicLink($0.id, count: $0.count) }),
        ]
        return context
    }

    static func topics(_ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: "Topics", route: Routes.topics, section: "topics")
        context["topics"] = .list(contexts.site.topics.map { topic in
            ["title": .text(topic.title), "href": .text(contexts.link(Routes.topic(topic.id))), "count": .number(topic.documentIDs.count),
             "summaryHTML": .optional(topic.summaryHTML)]
        })
        return context
    }

    /// Without `documents`, the page's context but its list of documents, for the page's fingerprint (`SitePages.listJob`).
    static func topic(_ topic: Topic, _ contexts: PageContexts, documents: Bool = true) -> TemplateValue {
        var context = contexts.page(title: topic.title, route: Routes.topic(topic.id), section: "topics")
        context["topic"] = [
            "id": .text(topic.id), "title": .text(topic.title), "summaryHTML": .optional(topic.summaryHTML), "bodyHTML": .optional(topic.bodyHTML),
            "documents": documents ? contexts.summaries(topic.documentIDs) : .list([]), "documentCount": .number(topic.documentIDs.count),
            "frequentSpeakers": .list(topic.frequentSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.count) }),
            "relatedTopics": .list(topic.relatedTopics.compactMap { contexts.topicLink($0.id, count: $0.count) }),
        ]
        return context
    }

    static func years(_ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: "Years", route: Routes.years, section: "years")
        context["years"] = .list(contexts.site.years.map {
            ["year": .text(PartialDate.displayYear($0.year)), "href": .text(contexts.link(Routes.year($0.year))), "count": .number($0.documentIDs.count)]
        })
        return context
    }

    /// `/types/`: every document type with its count, linking to the type's page.
    static func types(_ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: "Document types", route: Routes.types, section: "documents")
        context["types"] = .list(contexts.site.types.map { type, ids in
            ["label": .text(DocumentTypes.plural(type)), "href": .text(contexts.link(Routes.type(type))), "count": .number(ids.count)]
        })
        return context
    }

    static func collectionSummaries(_ contexts: PageContexts) -> TemplateValue {
        .list(contexts.site.collections.map { collection in
            ["title": .text(collection.title), "href": .text(contexts.link(Routes.collection(collection.id))), "course": .optional(collection.course),
             "term": .optional(collection.term), "instructor": .optional(collection.instructor),
             "countLabel": .text(PageContexts.count(collection.items.count, "reading"))]
        })
    }

    static func collections(_ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: "Collections", route: Routes.collections, section: "collections")
        context["collections"] = collectionSummaries(contexts)
        return context
    }

    /// The reading list without its bibliographies (see `withBibliographies`).
    static func collection(_ collection: Collection, _ contexts: PageContexts) -> TemplateValue {
        var context = contexts.page(title: collection.title, route: Routes.collection(collection.id), section: "collections")
        context["collection"] = [
            "title": .text(collection.title), "course": .optional(collection.course), "term": .optional(collection.term),
            "instructor": .optional(collection.instructor), "bodyHTML": .optional(collection.bodyHTML),
            "readings": .list(collection.items.enumerated().compactMap { index, item -> TemplateValue? in
                guard let document = contexts.site.document(item.documentID) else { return nil }
                var reading = contexts.summary(document)
                reading["number"] = .number(index + 1)
                reading["noteHTML"] = .optional(item.noteHTML)
                reading["pinpoint"] = .optional(item.pinpoint)
                reading["questions"] = .list(document.annotations.filter { $0.annotation.kind == .question }.map { question in
                    ["noteHTML": .text(question.annotation.noteHTML ?? ""), "paragraph": .number(question.paragraph),
                     "href": .text(contexts.link(Routes.document(document.id)) + "#" + question.passageID)]
                })
                return reading
            }),
        ]
        let route = Routes.collection(collection.id)
        context["downloads"] = ["text": .text(contexts.link(route + "bibliography.txt")), "bib": .text(contexts.link(route + "bibliography.bib")),
                                "ris": .text(contexts.link(route + "bibliography.ris")), "json": .text(contexts.link(route + "bibliography.json"))]
        return context
    }

    /// The bibliographies as tabs in the site's order of styles (as on every document page), the collection's own
    /// style (the first given) marked `first`: the tab shown first and the one printed. A style the site does not
    /// list comes before the others.
    static func withBibliographies(_ context: TemplateValue, _ bibliographies: [(style: CitationStyle, entries: [CSLEntry])],
                                   siteOrder: [String] = []) -> TemplateValue {
        var context = context
        let own = bibliographies.first?.style.name
        let rank = { (name: String) in siteOrder.firstIndex(of: name) ?? -1 }
        let ordered = bibliographies.enumerated().sorted { (rank($0.element.style.name), $0.offset) < (rank($1.element.style.name), $1.offset) }
        context["bibliographies"] = .list(ordered.map(\.element).map { bibliography in
            ["id": .text(Identifier.slug(bibliography.style.name)), "label": .text(bibliography.style.label),
             "first": .flag(bibliography.style.name == own),
             "entries": .list(bibliography.entries.map { ["html": .text($0.html), "text": .text($0.text)] })]
        })
        return context
    }
}
