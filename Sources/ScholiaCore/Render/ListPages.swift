import CSL

/// Contexts of the home page and the index pages: documents, speakers, topics, years, collections.
enum HomePage {
    static func context(_ contexts: PageContexts) -> [String: Any] {
        let site = contexts.site
        var context = contexts.page(title: site.config.title, route: Routes.home, section: "home")
        let topSpeakers = site.speakers.sorted { ($1.documentIDs.count, $0.name.sortKey) < ($0.documentIDs.count, $1.name.sortKey) }.prefix(12)
        context["documents"] = site.documents.prefix(10).map(contexts.summary)
        context["speakers"] = topSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.documentIDs.count) }
        context["topics"] = site.topics.compactMap { contexts.topicLink($0.id, count: $0.documentIDs.count) }
        context["years"] = site.years.map { ["year": $0.year, "href": contexts.link(Routes.year($0.year)), "count": $0.documentIDs.count] as [String: Any] }
        context["types"] = site.types.map { type, ids in
            ["label": DocumentTypes.label(type), "href": contexts.link(Routes.type(type)), "count": ids.count] as [String: Any]
        }
        context["collections"] = ListPages.collectionSummaries(contexts)
        context["documentCount"] = site.documents.count
        context["allDocuments"] = contexts.link(Routes.documents())
        return context
    }
}

enum ListPages {
    static func documents(_ contexts: PageContexts, page: Int, of pageCount: Int) -> [String: Any] {
        let site = contexts.site
        let size = site.config.paginate
        let title = page == 1 ? "All documents" : "All documents, page \(page) of \(pageCount)"
        var context = contexts.page(title: title, route: Routes.documents(page: page), section: "documents")
        let slice = site.documents.dropFirst((page - 1) * size).prefix(size)
        context["heading"] = "All documents"
        context["documents"] = slice.map(contexts.summary)
        context["count"] = site.documents.count
        if pageCount > 1 {
            context["pagination"] = [
                "current": page, "total": pageCount,
                "previous": page > 1 ? contexts.link(Routes.documents(page: page - 1)) : "",
                "next": page < pageCount ? contexts.link(Routes.documents(page: page + 1)) : "",
                "pages": (1...pageCount).map { ["number": $0, "href": contexts.link(Routes.documents(page: $0)), "current": $0 == page] as [String: Any] },
            ] as [String: Any]
        }
        return context
    }

    static func list(title: String, route: String, section: String, ids: [String], _ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: title, route: route, section: section)
        context["heading"] = title
        context["documents"] = contexts.summaries(ids)
        return context
    }

    static func speakers(_ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: "Speakers", route: Routes.speakers, section: "speakers")
        context["speakers"] = contexts.site.speakers.map { speaker -> [String: Any] in
            let role = optional(speaker.documentRoles.last?.title ?? speaker.declaredRoles.last?.title)
            return ["name": speaker.name.display, "href": contexts.link(Routes.speaker(speaker.id)), "count": speaker.documentIDs.count, "role": role,
                    "countLabel": PageContexts.count(speaker.documentIDs.count, "document")]
        }
        return context
    }

    static func speaker(_ speaker: Speaker, _ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: speaker.name.display, route: Routes.speaker(speaker.id), section: "speakers")
        context["speaker"] = [
            "name": speaker.name.display, "born": optional(speaker.born), "died": optional(speaker.died),
            "aliases": speaker.aliases.joined(separator: ", "),
            "declaredRoles": contexts.roleSpans(speaker.declaredRoles), "documentRoles": contexts.roleSpans(speaker.documentRoles),
            "biographyHTML": optional(speaker.biographyHTML), "documentCount": speaker.documentIDs.count,
            "documentsByYear": contexts.byYear(speaker.documentIDs),
            "coSpeakers": speaker.coSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.count) },
            "topics": speaker.topics.compactMap { contexts.topicLink($0.id, count: $0.count) },
        ] as [String: Any]
        return context
    }

    static func topics(_ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: "Topics", route: Routes.topics, section: "topics")
        context["topics"] = contexts.site.topics.map { topic -> [String: Any] in
            ["title": topic.title, "href": contexts.link(Routes.topic(topic.id)), "count": topic.documentIDs.count, "summaryHTML": optional(topic.summaryHTML)]
        }
        return context
    }

    static func topic(_ topic: Topic, _ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: topic.title, route: Routes.topic(topic.id), section: "topics")
        context["topic"] = [
            "title": topic.title, "summaryHTML": optional(topic.summaryHTML), "bodyHTML": optional(topic.bodyHTML),
            "documents": contexts.summaries(topic.documentIDs), "documentCount": topic.documentIDs.count,
            "frequentSpeakers": topic.frequentSpeakers.compactMap { contexts.speakerLink($0.id, count: $0.count) },
            "relatedTopics": topic.relatedTopics.compactMap { contexts.topicLink($0.id, count: $0.count) },
        ] as [String: Any]
        return context
    }

    static func years(_ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: "Years", route: Routes.years, section: "years")
        context["years"] = contexts.site.years.map { ["year": $0.year, "href": contexts.link(Routes.year($0.year)), "count": $0.documentIDs.count] as [String: Any] }
        return context
    }

    static func collectionSummaries(_ contexts: PageContexts) -> [[String: Any]] {
        contexts.site.collections.map { collection in
            ["title": collection.title, "href": contexts.link(Routes.collection(collection.id)), "course": optional(collection.course),
             "term": optional(collection.term), "instructor": optional(collection.instructor), "countLabel": PageContexts.count(collection.items.count, "reading")] as [String: Any]
        }
    }

    static func collections(_ contexts: PageContexts) -> [String: Any] {
        var context = contexts.page(title: "Collections", route: Routes.collections, section: "collections")
        context["collections"] = collectionSummaries(contexts)
        return context
    }

    static func collection(_ collection: Collection, _ contexts: PageContexts, bibliographies: [(style: CitationStyle, entries: [CSLEntry])]) -> [String: Any] {
        var context = contexts.page(title: collection.title, route: Routes.collection(collection.id), section: "collections")
        context["collection"] = [
            "title": collection.title, "course": optional(collection.course), "term": optional(collection.term),
            "instructor": optional(collection.instructor), "bodyHTML": optional(collection.bodyHTML),
            "readings": collection.items.enumerated().compactMap { index, item -> [String: Any]? in
                guard let document = contexts.site.document(item.documentID) else { return nil }
                var reading = contexts.summary(document)
                reading["number"] = index + 1
                reading["noteHTML"] = optional(item.noteHTML)
                reading["pinpoint"] = optional(item.pinpoint)
                reading["questions"] = document.annotations.filter { $0.annotation.kind == .question }.map { question in
                    ["noteHTML": question.annotation.noteHTML ?? "", "paragraph": question.paragraph,
                     "href": contexts.link(Routes.document(document.id)) + "#" + question.passageID] as [String: Any]
                }
                return reading
            },
        ] as [String: Any]
        let route = Routes.collection(collection.id)
        context["bibliographies"] = bibliographies.enumerated().map { index, bibliography in
            ["id": Identifier.slug(bibliography.style.name), "label": bibliography.style.label, "first": index == 0,
             "entries": bibliography.entries.map { ["html": $0.html, "text": $0.text] }] as [String: Any]
        }
        context["downloads"] = ["text": contexts.link(route + "bibliography.txt"), "bib": contexts.link(route + "bibliography.bib"),
                                "ris": contexts.link(route + "bibliography.ris"), "json": contexts.link(route + "bibliography.json")]
        return context
    }
}
