import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// A site planned again and again in one process (`scholia serve`): a document whose files did not change
/// is not read again, and a page whose fingerprint did not change is not rendered again. The same
/// fingerprints as `scholia build`'s, kept in memory with the bytes.
package final class SiteSession: @unchecked Sendable {
    package let options: BuildOptions
    private let documents: DocumentCache
    let searchEntries: DataCache
    /// The last plan: the next one takes over the files of its rendered jobs whose fingerprint is still the same.
    private var last: PlannedSite?
    /// What the last good plan was made from, for the quick path (`TextEdits`).
    private var base: TextEdits.Base?
    /// The input files the watcher named since `base` was taken (paths from the site folder), or nil when it could not
    /// say which: only these are stamped again, rather than every input.
    private var namedSinceBase: Set<String>? = []
    private let lock = NSLock()
    /// The document files read anew since the session began (by a full plan, not taken from the documents cache, or by a
    /// quick one, which stores them there), in the order they were (tests use it).
    package var documentsRead: [String] { documents.storedPaths }
    /// How many plans took the quick path (tests use it).
    package private(set) var quickPlanCount = 0
    /// Whether the last plan's search index, once planned, was updated from the plan before (tests use it).
    package var searchIndexWasUpdated: Bool { lock.withLock { base?.pages.searchMemory?.updated ?? false } }

    /// The documents and search entries of the site's last `scholia build`, if any, spare the first plan the
    /// reading and analysis of every document (a document whose files changed since is read again); the session
    /// only reads them (it writes nothing to the site).
    package init(options: BuildOptions) {
        self.options = options
        let cacheFolder = options.siteDirectory.appendingPathComponent(BuildCache.folderName)
        documents = DocumentCache.read(from: cacheFolder)
        searchEntries = DataCache.read(from: cacheFolder, name: BuildCache.searchEntriesName)
    }

    /// The site as it is now, loaded, resolved and planned, its pages rendered when first asked for; or
    /// `ContentErrors` (and the session keeps what it had).
    ///
    /// A save that changed only the text of documents is planned from the last plan (`TextEdits`), in milliseconds;
    /// any other change loads and resolves the site again. The input files are stamped before either reads them, so
    /// that a file changed while planning is seen by the next plan.
    ///
    /// `changed`: the input files that changed since the last call (paths from the site folder, as a watcher names
    /// them; a file named that did not change is fine), or nil when the caller cannot say, and every input is stamped.
    package func plan(changed: Set<String>? = nil) throws -> PlannedSite {
        try lock.withLock {
            namedSinceBase = namedSinceBase.flatMap { named in changed.map { named.union($0) } }
            let forgetUnused = { @Sendable [searchEntries] in searchEntries.forgetUnused() }
            var stampedNow: InputStamps?  // every input's stamp, taken by this plan
            if let base {
                let stamps: InputStamps, changes: Set<String>
                if let named = namedSinceBase, let update = base.stamps.updating(named) {
                    (stamps, changes) = update
                } else {
                    let scan = InputStamps.take(of: options.siteDirectory)
                    (stamps, changes) = (scan, scan.changes(since: base.stamps))
                }
                if let (pages, planned, reader) = TextEdits.plan(base, now: stamps, changed: changes, siteDirectory: options.siteDirectory,
                                                                 documentCache: documents, afterSearchIndex: forgetUnused) {
                    quickPlanCount += 1
                    self.base = TextEdits.Base(stamps: stamps, pages: pages, planned: planned, documents: reader)
                    namedSinceBase = []
                    last = planned
                    return planned
                }
                // The last stamps, with those of the files the watcher named taken again, are every input's now.
                stampedNow = stamps
            }
            // The full plan stamps every input, before it reads them: the next quick plan compares with these.
            let stamps = stampedNow ?? InputStamps.take(of: options.siteDirectory)
            // Only rendered jobs are kept: an unrendered one would keep the last plan's whole site alive.
            let previous = last?.lenders ?? [:]
            // The stamps of the last `scholia build` spare reading the files that did not change since.
            let cacheFolder = options.siteDirectory.appendingPathComponent(BuildCache.folderName)
            // The last plan's index, when it was planned: this one is updated from it (its state, and its files as the last
            // plan made them), as a build updates the last build's, when few documents' entries changed (a speaker's
            // biography changes none). Else, or on the first plan, it is planned whole; its state is kept for the next.
            let lastIndex = base?.pages.searchMemory?.next
            // Only the index's jobs are kept, and only once it is planned (off the request path).
            let inherited = InheritedJobs { previous.filter { $0.key.hasPrefix(Routes.search) } }
            let searchMemory = SearchIndexMemory(previous: lastIndex) { path in
                guard let made = inherited.byID[Routes.search + path]?.madeFiles, made.fingerprint != nil,
                      made.fingerprint == lastIndex?.files[path] else { return nil }
                return made.files.first?.data
            }
            let prepared = try SiteBuilder.prepare(options, cache: documents, stamps: FileStamps.read(from: cacheFolder),
                                                   searchCache: searchEntries, searchMemory: searchMemory, progress: nil)
            let planned = try prepared.plan(reusing: previous, afterSearchIndex: forgetUnused)
            // The last plan is freed off the request path: at 10,000 documents that takes tens of milliseconds.
            DeferredRelease.release(last as Any, base as Any)
            last = planned
            base = TextEdits.Base(stamps: stamps, pages: prepared.pages, planned: planned, documents: prepared.documents)
            namedSinceBase = []
            return planned
        }
    }

    /// Every file of the site as it is now (in `files`), rendered at once, or `ContentErrors`.
    package func render() throws -> Rendering {
        let planned = try plan()
        let files = planned.allFiles()
        return Rendering(jobs: planned.renderedJobs, copies: planned.copies, site: planned.site, warnings: planned.warnings, files: files)
    }
}
