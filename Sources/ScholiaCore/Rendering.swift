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
        let jobs = pages.render(unchanged: unchanged, into: sink)
        let warnings = try finalWarnings(generated: Set(jobs.flatMap { $0.paths ?? [] }))
        return Rendering(jobs: jobs, copies: copies.map { ($0.path, $0.source) }, site: site, warnings: warnings)
    }

    /// Plans every job and renders none (the preview renders each when first needed); a job of `previous` whose
    /// fingerprint is unchanged and that was already rendered stands, files and all.
    func plan(reusing previous: [String: JobOutput]) throws -> PlannedSite {
        let outputs = pages.jobs().map { job in
            if let fingerprint = job.fingerprint, let old = previous[job.id], old.fingerprint == fingerprint, old.isMade { return old }
            return JobOutput(job)
        }
        let warnings = try finalWarnings(generated: Set(outputs.flatMap(\.paths)))
        return PlannedSite(outputs: outputs, copies: copies.map { ($0.path, $0.source) }, site: site, warnings: warnings)
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
