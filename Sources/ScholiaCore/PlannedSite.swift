import Foundation
import ScholiaModel
import ScholiaRender

/// A site loaded, resolved and planned for the preview, with no page rendered yet: each job is rendered when a
/// request first needs one of its files, or by the background render, whichever comes first. Planning is cheap
/// (the jobs' fingerprints and paths); rendering every page of a large site is what takes time, so the preview
/// can answer its first request long before the whole site is made.
package final class PlannedSite: Sendable {
    package let site: Site
    package let copies: [(path: String, source: URL)]
    package let warnings: [Diagnostic]
    let outputs: [JobOutput]
    /// Output path → the job that makes it. Should two jobs make the same path, the later one's file wins, as
    /// when a build writes them in order.
    private let jobByPath: [String: JobOutput]

    init(outputs: [JobOutput], copies: [(path: String, source: URL)], site: Site, warnings: [Diagnostic]) {
        self.outputs = outputs
        self.copies = copies
        self.site = site
        self.warnings = warnings
        var jobByPath: [String: JobOutput] = [:]
        for output in outputs {
            for path in output.paths { jobByPath[path] = output }
        }
        self.jobByPath = jobByPath
    }

    /// Every generated path (not the copies).
    package var paths: [String] { Array(jobByPath.keys) }

    package var pathCount: Int { jobByPath.count }

    package func contains(_ path: String) -> Bool { jobByPath[path] != nil }

    /// The bytes of a generated file, rendering its job now if nobody has yet; nil for a path no job makes.
    package func data(at path: String) -> Data? {
        jobByPath[path]?.files().first { $0.path == path }?.data
    }

    /// Renders, on every core, the jobs not rendered yet, for as long as `shouldContinue` says so (it is asked
    /// before each job, so that a render for a superseded plan stops soon after a newer one is published).
    package func renderRemaining(while shouldContinue: @Sendable () -> Bool) {
        _ = outputs.parallelMap { output in
            if shouldContinue() { _ = output.files() }
        }
    }

    /// How many jobs have been rendered so far (tests use it to see what a request made).
    package var renderedJobCount: Int { outputs.count(where: \.isMade) }

    package var jobCount: Int { outputs.count }

    /// Every generated file, rendering what is not rendered yet, in the order a full render gives them.
    package func allFiles() -> [OutputFile] {
        renderRemaining { true }
        var files: [OutputFile] = []
        for output in outputs { files += output.files() }
        return files
    }

    var renderedJobs: [RenderedJob] {
        outputs.map { RenderedJob(id: $0.id, fingerprint: $0.fingerprint, paths: $0.paths) }
    }
}

/// One job's files, made once: whoever needs them first (a request, the background render) renders them while
/// any other caller waits, so that a job is never rendered twice for the same plan. The next plan takes the
/// whole object over when the job's fingerprint is unchanged and its files are made (equal fingerprints mean
/// equal bytes), so that a save renders again only what it changed.
final class JobOutput: @unchecked Sendable {
    let id: String
    let fingerprint: UInt64?
    let paths: [String]
    /// Dropped once used, so that a made job taken over by later plans does not keep this plan's site alive.
    private var render: (@Sendable () -> [OutputFile])?
    private var made: [OutputFile]?
    /// Guards `render` and `made`; held only for a moment, so `isMade` never waits for a render.
    private let state = NSLock()
    /// Held while the job renders: a second caller waits here for the first one's files.
    private let rendering = NSLock()

    init(_ job: PageJob) {
        id = job.id
        fingerprint = job.fingerprint
        paths = job.paths
        render = job.render
    }

    var isMade: Bool { state.withLock { made != nil } }

    func files() -> [OutputFile] {
        if let made = state.withLock({ made }) { return made }
        return rendering.withLock {
            // Another caller may have rendered it while this one waited.
            if let made = state.withLock({ made }) { return made }
            let files = state.withLock { render }!()
            state.withLock {
                made = files
                render = nil
            }
            return files
        }
    }
}
