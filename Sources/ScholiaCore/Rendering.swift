import Foundation
import ScholiaModel
import ScholiaLoad
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
    /// Reads one document again as this load did (`scholia serve`'s quick path).
    var documents = DocumentReader.none

    /// Renders the jobs whose fingerprint `unchanged` does not recognise, handing their files to `sink`.
    func render(unchanged: @Sendable (String, UInt64) -> Bool, into sink: any OutputSink) throws -> Rendering {
        let jobs = pages.render(unchanged: unchanged, into: sink)
        let warnings = try finalWarnings(generated: Set(jobs.flatMap { $0.paths ?? [] }))
        return Rendering(jobs: jobs, copies: copies.map { ($0.path, $0.source) }, site: site, warnings: warnings)
    }

    /// Lists every job with its paths and renders none (the preview plans and renders each when first needed);
    /// `previous` are the last plan's rendered jobs, whose files stand for a job whose fingerprint is unchanged.
    ///
    /// The search index is planned whole (every word of every document), seconds on a large site, so its files
    /// are planned when first asked for or by the background render; unless a static file lies in its folder,
    /// when only planning it now can tell whether the two collide (an error, as in a build).
    /// `afterSearchIndex` is called once the index is planned (the session drops the search entries it did not use).
    func plan(reusing previous: [String: JobOutput], afterSearchIndex: @escaping @Sendable () -> Void) throws -> PlannedSite {
        let deferIndex = !copies.contains { $0.path.hasPrefix(Routes.search) }
        let outputs = pages.jobPlans(searchIndex: !deferIndex).map { JobOutput($0, previous: previous[$0.id]) }
        let warnings = try finalWarnings(generated: Set(outputs.flatMap(\.paths)))
        var searchIndex: DeferredJobs?
        if deferIndex {
            searchIndex = DeferredJobs(folder: Routes.search) { [pages] in
                let jobs = pages.searchIndexJobs()
                afterSearchIndex()
                return jobs.map { JobOutput(SitePages.JobPlan($0), previous: previous[$0.id]) }
            }
        } else {
            afterSearchIndex()
        }
        return PlannedSite(outputs: outputs, searchIndex: searchIndex, copies: copies.map { ($0.path, $0.source) }, site: site, warnings: warnings)
    }

    /// The load's diagnostics and a static file that would overwrite a generated one: the warnings, or `ContentErrors`.
    private func finalWarnings(generated: Set<String>) throws -> [Diagnostic] {
        var diagnostics = diagnostics
        for copy in copies where generated.contains(copy.path) {
            diagnostics.error("this static file would overwrite the generated \(copy.path)", at: SourceLocation(path: copy.display))
        }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        return diagnostics.warnings
    }
}
