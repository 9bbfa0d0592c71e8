import Foundation
import Search
import Templating
import ScholiaModel
import ScholiaLoad

extension Routes {
    package static let search = "search/"
}

/// The search page and the static index under `search/` (format: README, "Search index").
package enum SearchPages {
    /// What the index is made from: every document's head (title, summary, names, topics, type) and its
    /// paragraphs with the speaker of their turn, analysed. A document whose inputs have the fingerprint of an
    /// entry in `cache` takes that entry: its transcript is neither read again nor analysed.
    package static func entries(_ site: Site, _ transcripts: any TranscriptSource, cache: DataCache?) -> [IndexEntry] {
        var lists: [String: [SearchDocument.Value]] = [:]
        for collection in site.collections {
            for item in collection.items { lists[item.documentID, default: []].append(.init(id: collection.id, label: collection.title)) }
        }
        let writer = IndexWriter(language: site.config.language)
        return site.documents.parallelMap { [lists] document in
            var head = SearchDocument(
                id: document.id, title: document.title, dateLabel: document.date.display, year: document.date.year,
                type: .init(id: document.type, label: DocumentTypes.label(document.type)), summary: document.summaryText ?? "",
                speakers: document.participants.compactMap { participant in site.speaker(participant.speakerID).map { .init(id: $0.id, label: $0.name.display) } },
                topics: document.topicIDs.compactMap { site.topic($0).map { .init(id: $0.id, label: $0.title) } },
                lists: lists[document.id] ?? [], paragraphs: [])
            let key = entryKey(head, document, language: writer.language)
            if let data = cache?.data(for: key), let entry = IndexEntry(document: head, encodedText: data) { return entry }
            for turn in transcripts.transcript(of: document).turns {
                let speaker = turn.speakerID.flatMap { site.speaker($0)?.name.display } ?? turn.label
                for case .paragraph(let paragraph) in turn.blocks {
                    head.paragraphs.append(.init(number: paragraph.number, speaker: speaker, text: paragraph.plainText))
                }
            }
            let entry = writer.entry(for: head)
            cache?.store(entry.encodedText, for: key)
            return entry
        }
    }

    /// Everything a document's entry is made from: its files (`contentKey`: they include the speaker files its
    /// turns name) and what the head shows; not its reading lists, which only its facets carry.
    private static func entryKey(_ head: SearchDocument, _ document: Document, language: String) -> UInt64 {
        var key = Fingerprint("search-entry", language, head.id, head.title, head.dateLabel, head.type.label, head.summary)
        key.add(IndexFormat.version)
        key.add(document.contentKey)
        for value in head.speakers + head.topics { key.add(value.label) }
        return key.value
    }

    /// The index files as jobs, one per file, each fingerprinted by its bytes: the index is made whole from the
    /// documents' entries, but a file whose bytes did not change is not written again.
    static func indexJobs(_ site: Site, _ transcripts: any TranscriptSource, cache: DataCache?) -> [PageJob] {
        // SCHOLIA_SEARCH_INDEX=off leaves the index out, so that Benchmarks/search.py can measure what it adds to a build.
        if ProcessInfo.processInfo.environment["SCHOLIA_SEARCH_INDEX"] == "off" { return [] }
        let files = IndexWriter(language: site.config.language).files(for: entries(site, transcripts, cache: cache))
        return files.map { file in
            let path = Routes.search + file.path
            var fingerprint = Fingerprint("search-index", path)
            fingerprint.add(file.data)
            let output = OutputFile(path: path, data: file.data)
            return PageJob(id: path, fingerprint: fingerprint.value) { [output] }
        }
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
