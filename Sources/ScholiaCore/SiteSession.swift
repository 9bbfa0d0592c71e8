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
    /// What the last plan was made from, for the quick path (`TextEdits`), and the reader of edited documents it uses:
    /// made on the first quick plan after a full one (the full one may have changed speakers or topics).
    private var base: TextEdits.Base?
    private var rereader: DocumentRereader?
    private var rereaderIsCurrent = false
    private let lock = NSLock()
    /// How many plans took the quick path (tests use it).
    package private(set) var quickPlanCount = 0

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
    package func plan() throws -> PlannedSite {
        try lock.withLock {
            let stamps = InputStamps.take(of: options.siteDirectory)
            let forgetUnused = { @Sendable [searchEntries] in searchEntries.forgetUnused() }
            let currentRereader = { [self] () -> DocumentRereader? in
                if !rereaderIsCurrent {
                    rereader = DocumentRereader(site: options.siteDirectory, includeDrafts: options.includeDrafts)
                    rereaderIsCurrent = true
                }
                return rereader
            }
            if let base, let (pages, planned) = TextEdits.plan(base, now: stamps, rereader: currentRereader, afterSearchIndex: forgetUnused) {
                quickPlanCount += 1
                self.base = TextEdits.Base(stamps: stamps, pages: pages, planned: planned)
                last = planned
                return planned
            }
            // Only rendered jobs are kept: an unrendered one would keep the last plan's whole site alive.
            let previous = last?.lenders ?? [:]
            // The stamps of the last `scholia build` spare reading the files that did not change since.
            let cacheFolder = options.siteDirectory.appendingPathComponent(BuildCache.folderName)
            let prepared = try SiteBuilder.prepare(options, cache: documents, stamps: FileStamps.read(from: cacheFolder),
                                                   searchCache: searchEntries, progress: nil)
            let planned = try prepared.plan(reusing: previous, afterSearchIndex: forgetUnused)
            last = planned
            base = TextEdits.Base(stamps: stamps, pages: prepared.pages, planned: planned)
            rereader = nil
            rereaderIsCurrent = false
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
