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
    private let lock = NSLock()

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
    package func plan() throws -> PlannedSite {
        try lock.withLock {
            // Only rendered jobs are kept: an unrendered one would keep the last plan's whole site alive.
            let previous = Dictionary((last?.outputs ?? []).compactMap { output in output.lender.map { (output.id, $0) } },
                                      uniquingKeysWith: { _, later in later })
            let planned = try SiteBuilder.prepare(options, cache: documents, searchCache: searchEntries, progress: nil)
                .plan(reusing: previous) { [searchEntries] in searchEntries.forgetUnused() }
            last = planned
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
