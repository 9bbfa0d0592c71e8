/// Builds the values templates see. Everything here is plain data: templates escape text, and the few
/// values ending in `HTML` were made safe before (Markdown through cmark, plain text escaped).
struct PageContexts {
    let site: Site
    let routes: Routes

    func link(_ route: String) -> String { routes.link(route) }

    /// The parts every page shares: the site, the page's own URLs, the navigation.
    func page(title: String, route: String, section: String, description: String? = nil) -> [String: Any] {
        let sections: [(String, String, String)] = [("Documents", Routes.documents(), "documents"), ("Speakers", Routes.speakers, "speakers"),
                                                    ("Topics", Routes.topics, "topics"), ("Years", Routes.years, "years"),
                                                    ("Collections", Routes.collections, "collections")]
        return [
            "site": ["title": site.config.title, "home": link(Routes.home), "language": site.config.language,
                     "feed": link(Routes.feed), "feedURL": routes.absolute(Routes.feed), "publisher": optional(site.config.publisher)] as [String: Any],
            "page": ["title": title, "url": routes.absolute(route), "description": optional(description),
                     "isHome": route == Routes.home] as [String: Any],
            "assets": ["css": link(Routes.asset("scholia.css")), "js": link(Routes.asset("scholia.js"))],
            "nav": sections.map { label, target, key in
                ["label": label, "href": link(target), "current": key == section] as [String: Any]
            },
        ]
    }

    /// "1 document", "12 documents".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    func speakerNames(_ document: Document, roles: Set<Participation>? = nil) -> String {
        document.participants.filter { roles?.contains($0.participation) ?? true }
            .compactMap { site.speaker($0.speakerID)?.name.display }.joined(separator: ", ")
    }

    /// One document in a list.
    func summary(_ document: Document) -> [String: Any] {
        [
            "title": document.title, "href": link(Routes.document(document.id)), "date": document.date.display,
            "dateISO": document.date.start.iso, "type": DocumentTypes.label(document.type),
            "speakers": optional(speakerNames(document)), "summaryHTML": optional(document.summaryHTML),
        ]
    }

    func summaries(_ ids: [String]) -> [[String: Any]] {
        ids.compactMap { site.document($0) }.map(summary)
    }

    func speakerLink(_ id: String, count: Int? = nil) -> [String: Any]? {
        guard let speaker = site.speaker(id) else { return nil }
        var value: [String: Any] = ["name": speaker.name.display, "href": link(Routes.speaker(id))]
        if let count { value["count"] = count }
        return value
    }

    func topicLink(_ id: String, count: Int? = nil) -> [String: Any]? {
        guard let topic = site.topic(id) else { return nil }
        var value: [String: Any] = ["title": topic.title, "href": link(Routes.topic(id))]
        if let count { value["count"] = count }
        return value
    }

    /// Documents grouped by year, newest first.
    func byYear(_ ids: [String]) -> [[String: Any]] {
        var groups: [(Int, [String])] = []
        for id in ids {
            guard let year = site.document(id)?.date.year else { continue }
            if groups.last?.0 == year { groups[groups.count - 1].1.append(id) } else { groups.append((year, [id])) }
        }
        return groups.map { ["year": $0.0, "href": link(Routes.year($0.0)), "documents": summaries($0.1)] as [String: Any] }
    }

    func roleSpans(_ roles: [RoleSpan]) -> [[String: Any]] {
        roles.map { role in
            let span: String
            switch (role.from, role.to) {
            case let (from?, to?): span = from == to ? from : "\(from)–\(to)"
            case let (from?, nil): span = "from \(from)"
            case let (nil, to?): span = "until \(to)"
            default: span = ""
            }
            return ["title": role.title, "span": span]
        }
    }
}

/// Templates test values with sections (`{{#role}}…{{/role}}`), and an empty string would count as
/// present: a missing or empty text is `false` instead.
func optional(_ text: String?) -> Any {
    guard let text, !text.isEmpty else { return false }
    return text
}
