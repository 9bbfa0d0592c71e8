import Foundation

/// The document page: speakers with roles, date, summary, transcript, related documents, citation data.
enum DocumentPage {
    static func context(_ document: Document, _ contexts: PageContexts, item: JSONValue, citations: [RenderedCitation]) -> [String: Any] {
        let site = contexts.site
        let routes = contexts.routes
        let route = Routes.document(document.id)
        var context = contexts.page(title: document.title, route: route, section: "documents", description: document.summaryText)

        var groups: [[String: Any]] = []
        for participation in Participation.allCases {
            let people = document.participants.filter { $0.participation == participation }
            guard !people.isEmpty else { continue }
            let titles = participation.groupTitle
            groups.append([
                "heading": people.count == 1 ? titles.one : titles.many,
                "people": people.enumerated().map { index, participant -> [String: Any] in
                    let name = site.speaker(participant.speakerID)?.name.display ?? participant.speakerID
                    return ["name": name, "href": contexts.link(Routes.speaker(participant.speakerID)),
                            "role": optional(participant.role), "last": index == people.count - 1]
                },
            ])
        }
        let source = document.source
        context["document"] = [
            "id": document.id, "title": document.title, "date": document.date.display, "dateISO": document.date.start.iso,
            "type": DocumentTypes.label(document.type), "typeHref": contexts.link(Routes.type(document.type)),
            "participantGroups": groups, "summaryHTML": optional(document.summaryHTML), "excerpt": optional(document.excerpt),
            "transcriptHTML": transcriptRenderer(contexts).render(document.transcript, annotations: document.annotations),
            "questions": document.annotations.filter { $0.annotation.kind == .question }.map { question in
                ["number": question.number, "href": "#" + question.passageID, "paragraph": question.paragraph,
                 "noteHTML": question.annotation.noteHTML ?? ""] as [String: Any]
            },
            "notes": document.annotations.map { note in
                ["number": note.number, "kind": note.annotation.kind.title, "noteHTML": note.annotation.noteHTML ?? "",
                 "paragraph": note.paragraph] as [String: Any]
            },
            "annotationsJSON": optional(document.annotations.isEmpty ? nil : contexts.link(Routes.annotations(document.id))),
            "topics": document.topicIDs.compactMap { contexts.topicLink($0) },
            "related": contexts.summaries(document.relatedIDs),
            "language": optional(document.language),
            "sourceHTML": optional(sourceHTML(document.source)),
            "citation": ["json": contexts.link(Routes.citation(document.id, "json")), "bib": contexts.link(Routes.citation(document.id, "bib")),
                         "ris": contexts.link(Routes.citation(document.id, "ris"))],
        ] as [String: Any]
        context["meta"] = metaTags(document, item: item, url: routes.absolute(route), site: site)
        context["citations"] = citationContexts(citations)
        return context
    }

    static func transcriptRenderer(_ contexts: PageContexts) -> TranscriptHTML {
        TranscriptHTML(routes: contexts.routes) { id in
            if let document = contexts.site.document(id) { return (contexts.link(Routes.document(id)), document.title) }
            if let speaker = contexts.site.speaker(id) { return (contexts.link(Routes.speaker(id)), speaker.name.display) }
            return nil
        }
    }

    /// "Title. Publisher, Place. Archive, Location." with the title linked to the original.
    static func sourceHTML(_ source: SourceInfo) -> String? {
        var sentences: [String] = []
        if let title = source.title ?? source.url {
            let escaped = HTML.escape(title)
            sentences.append(source.url.map { "<a href=\"\(HTML.escape($0))\">\(escaped)</a>" } ?? escaped)
        }
        for part in [[source.publisher, source.place], [source.archive, source.archiveLocation]] {
            let text = part.compactMap { $0 }.joined(separator: ", ")
            if !text.isEmpty { sentences.append(HTML.escape(text)) }
        }
        guard !sentences.isEmpty else { return nil }
        return sentences.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }

    /// The Cite box: one entry per style, the first also the one printed.
    static func citationContexts(_ citations: [RenderedCitation]) -> [[String: Any]] {
        citations.enumerated().map { index, citation in
            [
                "id": Identifier.slug(citation.style.name), "label": citation.style.label, "first": index == 0,
                "bibliographyHTML": citation.bibliographyHTML, "bibliographyText": citation.bibliographyText,
                "shortLabel": citation.style.isNoteStyle ? "Note" : "In-text citation",
                "shortHTML": citation.shortHTML, "shortText": citation.shortText,
                "pinpointHTML": citation.pinpointHTML, "pinpointText": citation.pinpointText,
            ] as [String: Any]
        }
    }

    /// Highwire Press `citation_*` tags and Dublin Core type: what Zotero and other reference managers read.
    static func metaTags(_ document: Document, item: JSONValue, url: String, site: Site) -> [[String: String]] {
        var tags: [(String, String)] = [("citation_title", document.title)]
        for participant in document.participants where [.speaker, .author].contains(participant.participation) {
            guard let name = site.speaker(participant.speakerID)?.name else { continue }
            if let literal = name.literal {
                tags.append(("citation_author", literal))
            } else {
                let family = [name.particle, name.family].compactMap { $0 }.joined(separator: " ")
                tags.append(("citation_author", [family, name.given].compactMap { $0 }.joined(separator: ", ")))
            }
        }
        let dateParts = document.date.start.parts.map { String(format: "%02d", $0) }
        let highwireDate = dateParts.joined(separator: "/")
        tags.append(("citation_publication_date", highwireDate))
        tags.append(("citation_date", highwireDate))
        if let publisher = document.source.publisher ?? site.config.publisher { tags.append(("citation_publisher", publisher)) }
        tags.append(("citation_public_url", url))
        tags.append(("citation_language", document.language ?? site.config.language))
        if let summary = document.summaryText { tags.append(("citation_abstract", summary)) }
        tags.append(("DC.type", dcType(item["type"]?.stringValue ?? "document")))
        tags.append(("DC.title", document.title))
        tags.append(("DC.date", document.date.start.iso))
        return tags.map { ["name": $0.0, "content": $0.1] }
    }

    /// Dublin Core type vocabulary: transcripts are Text; Zotero reads the CSL-like refinements too.
    static func dcType(_ cslType: String) -> String {
        switch cslType {
        case "speech": "Speech"
        case "interview": "Interview"
        case "personal_communication": "Letter"
        case "hearing": "Hearing"
        case "treaty": "Treaty"
        case "report": "Report"
        case "manuscript": "Manuscript"
        default: "Text"
        }
    }
}
