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
    private var pages: [String: (fingerprint: UInt64, files: [OutputFile])] = [:]
    private let lock = NSLock()

    package struct Result: Sendable {
        package var files: [OutputFile]
        package var copies: [(path: String, source: URL)]
        package var site: Site
        package var warnings: [Diagnostic]
        /// How many of `files` this render made; the others are the last render's.
        package var renderedFileCount: Int
    }

    package init(options: BuildOptions) { self.options = options }

    /// Every file of the site as it is now, or `ContentErrors` (and the session keeps what it had).
    package func render() throws -> Result {
        try lock.withLock {
            let previous = pages
            let rendering = try SiteBuilder.render(options, cache: documents, unchanged: { previous[$0]?.fingerprint == $1 }, progress: nil)
            var next: [String: (fingerprint: UInt64, files: [OutputFile])] = [:]
            var files: [OutputFile] = []
            var renderedCount = 0
            for job in rendering.jobs {
                let jobFiles = job.paths == nil ? previous[job.id]?.files ?? [] : job.files
                renderedCount += job.paths == nil ? 0 : job.files.count
                files += jobFiles
                if let fingerprint = job.fingerprint { next[job.id] = (fingerprint, jobFiles) }
            }
            pages = next
            return Result(files: files, copies: rendering.copies, site: rendering.site, warnings: rendering.warnings, renderedFileCount: renderedCount)
        }
    }
}
