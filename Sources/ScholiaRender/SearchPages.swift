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
    /// paragraphs with the speaker of their turn, analysed. Each document's head and the key of its entry.
    private static func heads(_ site: Site, language: String) -> [(head: SearchDocument, key: UInt64)] {
        let lists = readingLists(site)
        return site.documents.parallelMap { document in
            let head = head(document, site, lists)
            return (head, entryKey(head, document, language: language))
        }
    }

    /// A document's entry: the one in `cache` under its key (its transcript neither read again nor analysed), or
    /// one made by reading and analysing it.
    private static func entry(_ ordinal: Int, _ heads: [(head: SearchDocument, key: UInt64)], _ site: Site, _ transcripts: any TranscriptSource,
                              _ writer: IndexWriter, cache: DataCache?) -> IndexEntry {
        let (head, key) = heads[ordinal]
        if let data = cache?.data(for: key), let entry = IndexEntry(document: head, encodedText: data) { return entry }
        let entry = writer.entry(for: withParagraphs(head, site.documents[ordinal], site, transcripts))
        cache?.store(entry.encodedText, for: key)
        return entry
    }

    /// Every document with its paragraphs, for an index made at once (`scholia search` without a build).
    package static func documents(_ site: Site, _ transcripts: any TranscriptSource) -> [SearchDocument] {
        let lists = readingLists(site)
        return site.documents.parallelMap { withParagraphs(head($0, site, lists), $0, site, transcripts) }
    }

    /// The reading lists that include each document, by document id.
    private static func readingLists(_ site: Site) -> [String: [SearchDocument.Value]] {
        var lists: [String: [SearchDocument.Value]] = [:]
        for collection in site.collections {
            for item in collection.items { lists[item.documentID, default: []].append(.init(id: collection.id, label: collection.title)) }
        }
        return lists
    }

    private static func head(_ document: Document, _ site: Site, _ lists: [String: [SearchDocument.Value]]) -> SearchDocument {
        SearchDocument(
            id: document.id, title: document.title, dateLabel: document.date.display, year: document.date.year,
            type: .init(id: document.type, label: DocumentTypes.label(document.type)), summary: document.summaryText ?? "",
            speakers: document.participants.compactMap { participant in site.speaker(participant.speakerID).map { .init(id: $0.id, label: $0.name.display) } },
            topics: document.topicIDs.compactMap { site.topic($0).map { .init(id: $0.id, label: $0.title) } },
            lists: lists[document.id] ?? [], paragraphs: [])
    }

    private static func withParagraphs(_ head: SearchDocument, _ document: Document, _ site: Site, _ transcripts: any TranscriptSource) -> SearchDocument {
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
    private static func entryKey(_ head: SearchDocument, _ document: Document, language: String) -> UInt64 {
        var key = Fingerprint("search-entry", language, head.id, head.title, head.dateLabel, head.type.label, head.summary)
        key.add(IndexFormat.version)
        key.add(document.contentKey)
        for value in head.speakers + head.topics { key.add(value.label) }
        return key.value
    }

    /// The index files as jobs, one per file, each with the fingerprint of its content: a file whose fingerprint did
    /// not change is neither made nor written again. After a few changed documents, with `memory` of the last
    /// build's index, only the files their words reach are made (`IndexUpdate`), and only those documents' entries
    /// are looked at; otherwise the index is planned whole, from every document's entry.
    static func indexJobs(_ site: Site, _ transcripts: any TranscriptSource, cache: DataCache?, memory: SearchIndexMemory? = nil) -> [PageJob] {
        // SCHOLIA_SEARCH_INDEX=off leaves the index out, so that Benchmarks/search.py can measure what it adds to a build.
        if ProcessInfo.processInfo.environment["SCHOLIA_SEARCH_INDEX"] == "off" { return [] }
        let writer = IndexWriter(language: site.config.language)
        let heads = heads(site, language: writer.language)
        let keys = heads.map(\.key)
        var indexJobs: [PageJob] = []
        var state: IndexState, updated = false
        if let previous = memory?.previous, let memory,
           let update = IndexUpdate(writer: writer, previous: previous, documents: heads.map(\.head), keys: keys, entry: { ordinal in
               entry(ordinal, heads, site, transcripts, writer, cache: cache)
           }, oldEntry: { cache?.peek($0) }, previousFile: memory.previousFile) {
            cache?.keep(keys)
            state = update.state
            updated = true
            // A kept file whose job must run after all (its file was removed or edited) is made from the whole plan.
            let whole = WholeIndex {
                writer.plans(for: heads.indices.map { entry($0, heads, site, transcripts, writer, cache: cache) })
            }
            for (path, fingerprint) in update.state.files {
                indexJobs.append(PageJob(id: Routes.search + path, fingerprint: fingerprint, paths: [Routes.search + path]) {
                    whole.plan(path).map { [OutputFile(path: Routes.search + path, data: $0.make())] } ?? []
                })
            }
            for file in update.made {
                let job = indexJob(IndexWriter.contentPlan(file))
                indexJobs.append(job)
                state.files[file.path] = job.fingerprint
            }
            indexJobs += update.summary.map { indexJob(IndexWriter.contentPlan($0)) }
        } else {
            let entries = Array(heads.indices).parallelMap { entry($0, heads, site, transcripts, writer, cache: cache) }
            let planned = writer.plan(for: entries)
            state = planned.state
            state.entryKeys = keys
            indexJobs = planned.plans.map(indexJob)
            for (plan, job) in zip(planned.plans, indexJobs) where IndexState.holds(plan.path) {
                state.files[plan.path] = job.fingerprint
            }
        }
        memory?.keep(state, updated: updated)
        // Display data: the document's paragraphs read again when its file must be made (they are not held from its
        // entry: a clean build has every transcript at hand, and an edit makes few of these files).
        let displayJobs = heads.enumerated().map { ordinal, made in
            let path = Routes.search + IndexFormat.documentPath(ordinal)
            var fingerprint = Fingerprint("search-display", path)
            fingerprint.add(made.key)
            return PageJob(id: path, fingerprint: fingerprint.value, paths: [path]) {
                [OutputFile(path: path, data: IndexWriter.displayData(withParagraphs(made.head, site.documents[ordinal], site, transcripts)))]
            }
        }
        return indexJobs.sorted { $0.id < $1.id } + displayJobs
    }

    private static func indexJob(_ plan: IndexFilePlan) -> PageJob {
        let path = Routes.search + plan.path
        var fingerprint = Fingerprint("search-index", path)
        fingerprint.add(plan.fingerprint)
        return PageJob(id: path, fingerprint: fingerprint.value, paths: [path]) { [OutputFile(path: path, data: plan.make())] }
    }

    /// The index planned whole, once, only if a job asks for it.
    private final class WholeIndex: @unchecked Sendable {
        private var plans: [String: IndexFilePlan]?
        private let make: @Sendable () -> [IndexFilePlan]
        private let lock = NSLock()
        init(_ make: @escaping @Sendable () -> [IndexFilePlan]) { self.make = make }
        func plan(_ path: String) -> IndexFilePlan? {
            lock.withLock {
                if plans == nil { plans = Dictionary(uniqueKeysWithValues: make().map { ($0.path, $0) }) }
                return plans![path]
            }
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
