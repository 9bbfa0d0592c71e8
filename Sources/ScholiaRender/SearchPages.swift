import Foundation
import Search
import Templating
import ScholiaModel
import ScholiaLoad

extension Routes {
    package static let search = "search/"

    /// Whether the job `id` makes a file of the search index (under `search`), rather than the search page itself.
    package static func isSearchIndexFile(_ id: String) -> Bool { id.count > search.count && id.hasPrefix(search) }
}

/// The search page and the static index under `search/` (format: README, "Search index").
package enum SearchPages {
    /// Every document with its paragraphs, for an index made at once (`scholia search` without a build).
    package static func documents(_ site: Site, _ transcripts: any TranscriptSource) -> [SearchDocument] {
        let values = HeadValues(site)
        return site.documents.parallelMap { withParagraphs(head($0, values), $0, site, transcripts) }
    }

    /// What the heads show of the site's speakers, topics and reading lists, by id: made once for every
    /// document's head rather than looked up and formatted again in each.
    struct HeadValues: Sendable {
        let speakers: [String: SearchDocument.Value]
        let topics: [String: SearchDocument.Value]
        /// The reading lists that include each document, by document id.
        let lists: [String: [SearchDocument.Value]]

        init(_ site: Site) {
            speakers = Dictionary(site.speakers.map { ($0.id, .init(id: $0.id, label: $0.name.display)) }, uniquingKeysWith: { first, _ in first })
            topics = Dictionary(site.topics.map { ($0.id, .init(id: $0.id, label: $0.title)) }, uniquingKeysWith: { first, _ in first })
            var lists: [String: [SearchDocument.Value]] = [:]
            for collection in site.collections {
                for item in collection.items { lists[item.documentID, default: []].append(.init(id: collection.id, label: collection.title)) }
            }
            self.lists = lists
        }
    }

    static func head(_ document: Document, _ values: HeadValues) -> SearchDocument {
        SearchDocument(
            id: document.id, title: document.title, dateLabel: document.date.display, year: document.date.year,
            type: .init(id: document.type, label: DocumentTypes.label(document.type)), summary: document.summaryText ?? "",
            speakers: document.participants.compactMap { values.speakers[$0.speakerID] }, topics: document.topicIDs.compactMap { values.topics[$0] },
            lists: values.lists[document.id] ?? [], paragraphs: [])
    }

    static func withParagraphs(_ head: SearchDocument, _ document: Document, _ site: Site, _ transcripts: any TranscriptSource) -> SearchDocument {
        var read = head
        for turn in transcripts.transcript(of: document).turns {
            let speaker = turn.speakerID.flatMap { site.speaker($0)?.name.display } ?? turn.label
            for case .paragraph(let paragraph) in turn.blocks {
                read.paragraphs.append(.init(number: paragraph.number, speaker: speaker, text: paragraph.plainText))
            }
        }
        return read
    }

    /// Everything a document's entry and display data are made from: its files (`contentKey`: they include the
    /// labels of the speakers it declares) and what the head shows; not its reading lists, which only its facets carry.
    static func entryKey(_ head: SearchDocument, _ document: Document, language: String) -> UInt64 {
        var key = Fingerprint("search-entry", language, head.id, head.title, head.dateLabel, head.type.label, head.summary)
        key.add(IndexFormat.version)
        key.add(document.contentKey)
        for value in head.speakers + head.topics { key.add(value.label) }
        return key.value
    }

    /// The page: the form, the results the script fills in, and without JavaScript, links to browse by.
    static func context(_ contexts: PageContexts) -> TemplateValue {
        let site = contexts.site
        var context = contexts.page(title: "Search", route: Routes.search, section: "search")
        context["search"] = [
            "index": .text(contexts.link(Routes.search)),
            "script": .text(contexts.link(Routes.asset("search.js"))), "style": .text(contexts.link(Routes.asset("search.css"))),
            "documentBase": .text(contexts.link("documents/")),
            "speakers": .list(site.speakers.filter { !$0.documentIDs.isEmpty }.compactMap { contexts.speakerLink($0.id, count: $0.documentIDs.count) }),
            "topics": .list(site.topics.compactMap { contexts.topicLink($0.id, count: $0.documentIDs.count) }),
            "years": .list(site.years.map { ["year": .text(PartialDate.displayYear($0.year)), "href": .text(contexts.link(Routes.year($0.year))), "count": .number($0.documentIDs.count)] }),
        ]
        return context
    }
}
