import Foundation
import ScholiaModel
import ScholiaRender

/// What a render made: the one result of `build`, `check` and the preview session.
package struct Rendering: Sendable {
    var jobs: [RenderedJob]
    package var copies: [(path: String, source: URL)]
    package var site: Site
    package var warnings: [Diagnostic]
    /// The site's files, when they were rendered into memory (`check`, the preview session); empty when they went to disk.
    package var files: [OutputFile] = []

    /// How many files this render made; the others were kept from the last.
    var renderedFileCount: Int { jobs.reduce(0) { $0 + ($1.paths?.count ?? 0) } }
}

/// A site loaded, resolved and ready to render, with its templates and styles.
struct PreparedSite {
    var site: Site
    var pages: SitePages
    var copies: [(path: String, source: URL, display: String)]
    var diagnostics: DiagnosticList
    /// How many documents were read from their files rather than taken from the cache.
    var readAnew: Int

    /// Renders the jobs whose fingerprint `unchanged` does not recognise, handing their files to `sink`.
    func render(unchanged: @Sendable (String, UInt64) -> Bool, into sink: any OutputSink) throws -> Rendering {
        var diagnostics = diagnostics
        let jobs = pages.render(unchanged: unchanged, into: sink)
        let generated = Set(jobs.flatMap { $0.paths ?? [] })
        for copy in copies where generated.contains(copy.path) {
            diagnostics.error("this static file would overwrite the generated \(copy.path)", at: SourceLocation(path: copy.display))
        }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        return Rendering(jobs: jobs, copies: copies.map { ($0.path, $0.source) }, site: site, warnings: diagnostics.warnings)
    }
}
