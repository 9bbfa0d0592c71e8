import Foundation
import Templating
import ScholiaModel
import ScholiaLoad

/// The document page: speakers with roles, date, summary, transcript, related documents, citation data.
enum DocumentPage {
    /// Everything but the two costly parts, the transcript and the citations (see `withTranscript`): a
    /// build compares this context with the last build's to know whether the page can change at all.
    static func context(_ document: Document, _ contexts: PageContexts, item: JSONValue) -> TemplateValue {
        let site = contexts.site
        let route = Routes.document(document.id)
        var context = contexts.page(title: document.title, route: route, section: "documents", description: document.summaryText)
        let linkRenderer = transcriptRenderer(contexts)

        var groups: [TemplateValue] = []
        for participation in Participation.allCases {
            let people = document.participants.filter { $0.participation == participation }
            guard !people.isEmpty else { continue }
            let titles = participation.groupTitle
            groups.append([
                "heading": .text(people.count == 1 ? titles.one : titles.many),
                "people": .list(people.enumerated().map { index, participant in
                    let name = site.speaker(participant.speakerID)?.name.display ?? participant.speakerID
                    return ["name": .text(name), "href": .text(contexts.link(Routes.speaker(participant.speakerID))),
                            "role": .optional(participant.role), "last": .flag(index == people.count - 1)]
                }),
            ])
        }
        context["document"] = [
            "id": .text(document.id), "title": .text(document.title), "date": .text(document.date.display), "dateISO": .text(document.date.start.iso),
            "type": .text(DocumentTypes.label(document.type)), "typeHref": .text(contexts.link(Routes.type(document.type))),
            "participantGroups": .list(groups), "summaryHTML": .optional(document.summaryHTML), "excerpt": .optional(document.excerpt),
            "questions": .list(document.annotations.filter { $0.annotation.kind == .question }.map { question in
                ["number": .number(question.number), "href": .text("#" + question.passageID), "paragraph": .number(question.paragraph),
                 "noteHTML": .text(question.annotation.noteHTML ?? "")]
            }),
            // The printed endnotes keep each note's author and cross-reference; questions print once, in their own list.
            "notes": .list(document.annotations.map { note in
                let see = note.annotation.link.flatMap { linkRenderer.linkTarget($0) }
                return ["number": .number(note.number), "kind": .text(note.annotation.kind.title), "noteHTML": .text(note.annotation.noteHTML ?? ""),
                        "paragraph": .number(note.paragraph), "author": .optional(note.annotation.author),
                        "isQuestion": .flag(note.annotation.kind == .question),
                        "see": see.map { ["href": .text($0.href), "title": .text($0.title)] } ?? .flag(false)]
            }),
            "annotationsJSON": .optional(document.annotations.isEmpty ? nil : contexts.link(Routes.annotations(document.id))),
            "topics": .list(document.topicIDs.compactMap { contexts.topicLink($0) }),
            "related": contexts.summaries(document.relatedIDs),
            "language": .optional(document.language),
            "sourceHTML": .optional(sourceHTML(document.source)),
            "citation": ["json": .text(contexts.link(Routes.citation(document.id, "json"))), "bib": .text(contexts.link(Routes.citation(document.id, "bib"))),
                         "ris": .text(contexts.link(Routes.citation(document.id, "ris")))],
        ]
        context["page"]?["ogType"] = "article"
        context["breadcrumbs"] = .list([
            ["label": "Documents", "href": .text(contexts.link(Routes.documents())), "current": false],
            ["label": .text(DocumentTypes.plural(document.type)), "href": .text(contexts.link(Routes.type(document.type))), "current": false],
            ["label": .text(document.title), "href": .text(contexts.link(route)), "current": true],
        ])
        let neighbours = site.neighbours(of: document.id)
        if neighbours.earlier != nil || neighbours.later != nil {
            var pager: TemplateValue = [:]
            pager["earlier"] = neighbours.earlier.map { contexts.summary($0) }
            pager["later"] = neighbours.later.map { contexts.summary($0) }
            context["pager"] = pager
        }
        context["jsonLD"] = .text(DocumentJSONLD.make(document, contexts, url: contexts.routes.absolute(route)).serialized())
        context["meta"] = .list(metaTags(document, item: item, url: contexts.routes.absolute(route), site: site).map {
            ["name": .text($0.name), "content": .text($0.content)]
        })
        return context
    }

    /// The page's full context: the transcript and the Cite box added.
    static func withTranscript(_ context: TemplateValue, transcriptHTML: String, citations: [RenderedCitation]) -> TemplateValue {
        var context = context
        context["document"]?["transcriptHTML"] = .text(transcriptHTML)
        context["citations"] = citationContexts(citations)
        return context
    }

    static func transcriptRenderer(_ contexts: PageContexts) -> TranscriptHTML {
        TranscriptHTML(routes: contexts.routes, linkTarget: { id in
            if let document = contexts.site.document(id) { return (contexts.link(Routes.document(id)), document.title) }
            if let speaker = contexts.site.speaker(id) { return (contexts.link(Routes.speaker(id)), speaker.name.display) }
            return nil
        }, tagTarget: { tag in
            let id = Identifier.slug(tag)
            if let topic = contexts.site.topic(id) { return (contexts.link(Routes.topic(id)), topic.title) }
            // A tag written as it should read ("Geneva II", "U.S. policy") is shown so; a bare id is made readable.
            return (nil, tag == id ? Identifier.humanize(id) : tag)
        })
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
    static func citationContexts(_ citations: [RenderedCitation]) -> TemplateValue {
        .list(citations.enumerated().map { index, citation in
            [
                "id": .text(Identifier.slug(citation.style.name)), "label": .text(citation.style.label), "first": .flag(index == 0),
                "bibliographyHTML": .text(citation.bibliographyHTML), "bibliographyText": .text(citation.bibliographyText),
                "shortLabel": .text(citation.style.isNoteStyle ? "Note" : "In-text citation"),
                "shortHTML": .text(citation.shortHTML), "shortText": .text(citation.shortText),
                "pinpointHTML": .text(citation.pinpointHTML), "pinpointText": .text(citation.pinpointText),
            ]
        })
    }

    /// Highwire Press `citation_*` tags and Dublin Core type: what Zotero and other reference managers read.
    static func metaTags(_ document: Document, item: JSONValue, url: String, site: Site) -> [(name: String, content: String)] {
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
        let highwireDate = document.date.start.slashed
        tags.append(("citation_publication_date", highwireDate))
        tags.append(("citation_date", highwireDate))
        if let publisher = document.source.publisher ?? site.config.publisher { tags.append(("citation_publisher", publisher)) }
        tags.append(("citation_public_url", url))
        tags.append(("citation_language", document.language ?? site.config.language))
        if let summary = document.summaryText { tags.append(("citation_abstract", summary)) }
        tags.append(("DC.type", dcType(item["type"]?.stringValue ?? "document")))
        tags.append(("DC.title", document.title))
        tags.append(("DC.date", document.date.start.iso))
        return tags.map { (name: $0.0, content: $0.1) }
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
