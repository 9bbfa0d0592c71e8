import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// A site rendered again and again in one process (`scholia serve`): a document whose files did not change
/// is not read again, and a page whose fingerprint did not change is not rendered again. The same
/// fingerprints as `scholia build`'s, kept in memory with the bytes.
package final class SiteSession: @unchecked Sendable {
    package let options: BuildOptions
    private let documents = DocumentCache()
    let searchEntries: DataCache
    private var pages: [String: (fingerprint: UInt64, files: [OutputFile])] = [:]
    private let lock = NSLock()

    /// The search entries of the site's last `scholia build`, if any, spare the first render the analysis of every
    /// document; the session only reads them (it writes nothing to the site).
    package init(options: BuildOptions) {
        self.options = options
        searchEntries = DataCache.read(from: options.siteDirectory.appendingPathComponent(BuildCache.folderName), name: BuildCache.searchEntriesName)
    }

    /// Every file of the site as it is now (in `files`), or `ContentErrors` (and the session keeps what it had).
    package func render() throws -> Rendering {
        try lock.withLock {
            let previous = pages
            let memory = MemorySink()
            var rendering = try SiteBuilder.prepare(options, cache: documents, searchCache: searchEntries, progress: nil)
                .render(unchanged: { previous[$0]?.fingerprint == $1 }, into: memory)
            searchEntries.forgetUnused()
            var next: [String: (fingerprint: UInt64, files: [OutputFile])] = [:]
            for job in rendering.jobs {
                let jobFiles = (job.paths == nil ? previous[job.id]?.files : memory.files(of: job.id)) ?? []
                rendering.files += jobFiles
                if let fingerprint = job.fingerprint { next[job.id] = (fingerprint, jobFiles) }
            }
            pages = next
            return rendering
        }
    }
}
