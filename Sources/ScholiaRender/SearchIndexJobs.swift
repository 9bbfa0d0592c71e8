import Foundation
import Search
import ScholiaModel

/// The search index of one render (format: README, "Search index"): every document's head and the key of its entry,
/// made at once (no transcript is read for them); each document's entry, made when first asked for and kept for the
/// planning; and the index's files as jobs.
///
/// A render asks for a document's entry right after its page, while its transcript is held, so that a build reads each
/// transcript once (`SitePages.render`); the index is planned from the entries once every document's page is made.
final class SearchIndexJobs: @unchecked Sendable {
    let site: Site
    let transcripts: any TranscriptSource
    /// The entries of earlier builds, by key (`entryKey`): a document whose key is there is neither read nor analysed.
    let cache: DataCache?
    let memory: SearchIndexMemory?
    let writer: IndexWriter
    /// Each document's head (what the site says of it, without its paragraphs) and the key of its entry, by ordinal.
    let heads: [(head: SearchDocument, key: UInt64)]
    private var entries: [IndexEntry?]
    private let lock = NSLock()

    /// SCHOLIA_SEARCH_INDEX=off leaves the index out, so that Benchmarks/search.py can measure what it adds to a build.
    static var isOff: Bool { ProcessInfo.processInfo.environment["SCHOLIA_SEARCH_INDEX"] == "off" }

    init(_ site: Site, _ transcripts: any TranscriptSource, cache: DataCache?, memory: SearchIndexMemory?) {
        self.site = site
        self.transcripts = transcripts
        self.cache = cache
        self.memory = memory
        writer = IndexWriter(language: site.config.language)
        let values = SearchPages.HeadValues(site)
        let language = writer.language
        heads = site.documents.parallelMap { document in
            let head = SearchPages.head(document, values)
            return (head, SearchPages.entryKey(head, document, language: language))
        }
        entries = Array(repeating: nil, count: site.documents.count)
    }

    /// A document's entry: the one made earlier in this render, or the one in `cache` under its key (its transcript
    /// neither read again nor analysed), or one made by reading and analysing it.
    func entry(_ ordinal: Int) -> IndexEntry {
        if let made = lock.withLock({ entries[ordinal] }) { return made }
        let (head, key) = heads[ordinal]
        let entry: IndexEntry
        if let data = cache?.data(for: key), let cached = IndexEntry(document: head, encodedText: data) {
            entry = cached
        } else {
            entry = writer.entry(for: SearchPages.withParagraphs(head, site.documents[ordinal], site, transcripts))
            cache?.store(entry.encodedText, for: key)
        }
        lock.withLock { entries[ordinal] = entry }
        return entry
    }

    /// The display data of a document (`docs/N.json`): its paragraphs read again when its file must be made (they are
    /// not kept with its entry: an edit makes few of these files).
    func displayJob(_ ordinal: Int) -> PageJob {
        let path = Routes.search + IndexFormat.documentPath(ordinal)
        let made = heads[ordinal]
        var fingerprint = Fingerprint("search-display", path)
        fingerprint.add(made.key)
        return PageJob(id: path, fingerprint: fingerprint.value, paths: [path]) { [site, transcripts] in
            [OutputFile(path: path, data: IndexWriter.displayData(SearchPages.withParagraphs(made.head, site.documents[ordinal], site, transcripts)))]
        }
    }

    /// Every file of the index, display data included.
    func jobs() -> [PageJob] {
        Self.isOff ? [] : indexFileJobs() + heads.indices.map(displayJob)
    }

    /// The index files but the display data, as jobs, one per file, each with the fingerprint of its content: a file
    /// whose fingerprint did not change is neither made nor written again. After a few changed documents, with `memory`
    /// of the last build's index, only the files their words reach are made (`IndexUpdate`), and only those documents'
    /// entries are looked at; otherwise the index is planned whole, from every document's entry. Sorted by path.
    func indexFileJobs() -> [PageJob] {
        let keys = heads.map(\.key)
        var indexJobs: [PageJob] = []
        var state: IndexState, updated = false
        if let previous = memory?.previous, let memory,
           let update = IndexUpdate(writer: writer, previous: previous, documents: heads.map(\.head), keys: keys, entry: entry,
                                    oldEntry: { [cache] in cache?.peek($0) }, previousFile: memory.previousFile) {
            cache?.keep(keys)
            state = update.state
            updated = true
            // A kept file whose job must run after all (its file was removed or edited) is made from the whole plan.
            let whole = WholeIndex { [self] in writer.plans(for: heads.indices.map(entry)) }
            for (path, fingerprint) in update.state.files {
                indexJobs.append(PageJob(id: Routes.search + path, fingerprint: fingerprint, paths: [Routes.search + path]) {
                    whole.plan(path).map { [OutputFile(path: Routes.search + path, data: $0.make())] } ?? []
                })
            }
            for file in update.made {
                let job = Self.indexJob(IndexWriter.contentPlan(file))
                indexJobs.append(job)
                state.files[file.path] = job.fingerprint
            }
            indexJobs += update.summary.map { Self.indexJob(IndexWriter.contentPlan($0)) }
        } else {
            let planned = writer.plan(for: Array(heads.indices).parallelMap(entry))
            // The plans keep what they need: the entries are let go.
            lock.withLock { entries = [] }
            state = planned.state
            state.entryKeys = keys
            indexJobs = planned.plans.map(Self.indexJob)
            for (plan, job) in zip(planned.plans, indexJobs) where IndexState.holds(plan.path) {
                state.files[plan.path] = job.fingerprint
            }
        }
        memory?.keep(state, updated: updated)
        return indexJobs.sorted { $0.id < $1.id }
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
}
