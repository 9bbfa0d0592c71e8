import Foundation
import ScholiaModel
import ScholiaRender

/// A site loaded, resolved and planned for the preview, with no page rendered yet: each job is rendered when a
/// request first needs one of its files, or by the background render, whichever comes first. Knowing every job
/// and its paths is cheap; rendering every page of a large site is what takes time, so the preview can answer
/// its first request long before the whole site is made.
package final class PlannedSite: Sendable {
    package let site: Site
    package let copies: [(path: String, source: URL)]
    package let warnings: [Diagnostic]
    private let pages: JobsByPath
    /// The search index's jobs when they are left to be planned on first need (see `PreparedSite.plan`).
    let searchIndex: DeferredJobs?
    /// Jobs the background render makes before any other, and before it plans the search index: those of the pages a
    /// save changed, which the browser is about to ask for.
    private let first: [JobOutput]

    convenience init(outputs: [JobOutput], searchIndex: DeferredJobs?, copies: [(path: String, source: URL)], site: Site, warnings: [Diagnostic]) {
        self.init(pages: JobsByPath(outputs), first: [], searchIndex: searchIndex, copies: copies, site: site, warnings: warnings)
    }

    private init(pages: JobsByPath, first: [JobOutput], searchIndex: DeferredJobs?, copies: [(path: String, source: URL)], site: Site,
                 warnings: [Diagnostic]) {
        self.pages = pages
        self.first = first
        self.searchIndex = searchIndex
        self.copies = copies
        self.site = site
        self.warnings = warnings
    }

    /// This plan for `site`, with `plans` in place of the jobs of the same ids (they take over the files of those jobs
    /// when their fingerprint is unchanged) and the search index planned again by `searchIndex`: `TextEdits`.
    func replacing(_ plans: [SitePages.JobPlan], site: Site, searchIndex: DeferredJobs) -> PlannedSite {
        let replaced = plans.map { JobOutput($0, previous: pages.job(at: $0.paths[0])?.lender) }
        return PlannedSite(pages: pages.replacing(replaced), first: replaced, searchIndex: searchIndex, copies: copies, site: site,
                           warnings: warnings)
    }

    /// The rendered jobs (or the ones they would take over) by id, for the next plan.
    var lenders: [String: JobOutput] {
        Dictionary(outputs.compactMap { output in output.lender.map { (output.id, $0) } }, uniquingKeysWith: { _, later in later })
    }

    /// The jobs planned so far: the search index's are there once planned.
    var outputs: [JobOutput] { pages.outputs + (searchIndex?.plannedJobs?.outputs ?? []) }

    /// Every generated path (not the copies), the search index's included: they are planned now if they were not.
    package var paths: [String] { Array(pages.paths) + (searchIndex.map { Array($0.jobs.paths) } ?? []) }

    /// How many files are known so far: the search index's are counted once planned.
    package var pathCount: Int { pages.paths.count + (searchIndex?.plannedJobs?.paths.count ?? 0) }

    /// Whether a file is generated; for a file in the search index's folder, this plans the index if needed.
    package func contains(_ path: String) -> Bool { job(making: path) != nil }

    /// The bytes of a generated file, rendering its job now if nobody has yet; nil for a path no job makes.
    package func data(at path: String) -> Data? {
        job(making: path)?.files().first { $0.path == path }?.data
    }

    private func job(making path: String) -> JobOutput? {
        if let job = pages.job(at: path) { return job }
        guard let searchIndex, path.hasPrefix(searchIndex.folder) else { return nil }
        return searchIndex.jobs.job(at: path)
    }

    /// What the preview renders in the background (`BackgroundRenderer`), on every core, for as long as `shouldContinue`
    /// says so (asked before each job, so that a render for a superseded plan stops soon after a newer one is published):
    /// the pages a save changed, which the browser is about to ask for, then the search index, planned first if it was
    /// not, so that a search soon after a save finds it. Every other page is rendered by its first request, and kept:
    /// rendering them all would hold the whole site's output in memory (4.7 GB at 100,000 documents) for pages that
    /// nobody may open, and a page takes milliseconds.
    package func renderInBackground(while shouldContinue: @Sendable () -> Bool) {
        render(first, while: shouldContinue)
        guard shouldContinue(), let searchIndex else { return }
        render(searchIndex.jobs.outputs, while: shouldContinue)
    }

    /// Whether `renderInBackground` has nothing left to do (tests use it).
    package var isBackgroundRendered: Bool {
        first.allSatisfy(\.isMade) && (searchIndex.map { $0.plannedJobs?.outputs.allSatisfy(\.isMade) ?? false } ?? true)
    }

    /// Renders, on every core, every job not rendered yet, the search index's included, while `shouldContinue` says so.
    package func renderRemaining(while shouldContinue: @Sendable () -> Bool) {
        render(first, while: shouldContinue)
        render(pages.outputs + (searchIndex?.jobs.outputs ?? []), while: shouldContinue)
    }

    private func render(_ outputs: [JobOutput], while shouldContinue: @Sendable () -> Bool) {
        guard shouldContinue() else { return }
        _ = outputs.parallelMap { output in
            if shouldContinue() { _ = output.files() }
        }
    }

    /// How many jobs have been made so far (tests use it to see what a request made).
    package var renderedJobCount: Int { outputs.count(where: \.isMade) }

    /// How many jobs took their files over from the last plan.
    package var tookOverJobCount: Int { outputs.count(where: \.tookOver) }

    /// How many jobs are planned so far: the search index's are counted once planned.
    package var jobCount: Int { outputs.count }

    /// Every generated file, rendering on every core what is not rendered yet.
    package func allFiles() -> [OutputFile] {
        renderRemaining { true }
        var files: [OutputFile] = []
        for output in pages.outputs + (searchIndex?.jobs.outputs ?? []) { files += output.files() }
        return files
    }

    var renderedJobs: [RenderedJob] {
        outputs.map { RenderedJob(id: $0.id, fingerprint: $0.fingerprint, paths: $0.paths) }
    }
}

/// Jobs and, for each output path, the job that makes it. Should two jobs make the same path, the later one's
/// file wins, as when a build writes them in order.
///
/// A quick plan's jobs (`replacing`) lie over the full plan's tables rather than copying them: at 100,000 documents
/// they hold 400,000 paths, and copying them cost a save a tenth of a second.
struct JobsByPath: Sendable {
    /// The full plan's jobs, and the place in `outputs` of the job that makes each path.
    private final class Tables: Sendable {
        let outputs: [JobOutput]
        let placeByPath: [String: Int]

        init(_ outputs: [JobOutput]) {
            self.outputs = outputs
            var placeByPath: [String: Int] = [:]
            for (place, output) in outputs.enumerated() {
                for path in output.paths { placeByPath[path] = place }
            }
            self.placeByPath = placeByPath
        }
    }

    private let tables: Tables
    /// The jobs put in place of the full plan's since, by place, and by each path they make.
    private let replacedByPlace: [Int: JobOutput]
    private let replacedByPath: [String: JobOutput]

    init(_ outputs: [JobOutput]) {
        self.init(tables: Tables(outputs), replacedByPlace: [:], replacedByPath: [:])
    }

    private init(tables: Tables, replacedByPlace: [Int: JobOutput], replacedByPath: [String: JobOutput]) {
        self.tables = tables
        self.replacedByPlace = replacedByPlace
        self.replacedByPath = replacedByPath
    }

    var outputs: [JobOutput] {
        guard !replacedByPlace.isEmpty else { return tables.outputs }
        var outputs = tables.outputs
        for (place, job) in replacedByPlace { outputs[place] = job }
        return outputs
    }

    /// The job that makes `path`, nil if none does.
    func job(at path: String) -> JobOutput? {
        if let job = replacedByPath[path] { return job }
        return tables.placeByPath[path].map { replacedByPlace[$0] ?? tables.outputs[$0] }
    }

    /// Every path made (replaced jobs make the same paths).
    var paths: Dictionary<String, Int>.Keys { tables.placeByPath.keys }

    /// These jobs with `jobs` in place of those of the same ids, which make the same paths.
    func replacing(_ jobs: [JobOutput]) -> JobsByPath {
        var byPlace = replacedByPlace, byPath = replacedByPath
        for job in jobs {
            // The job is found by a path it makes; by its id, should another job make that path too.
            let found = job.paths.first.flatMap { tables.placeByPath[$0] }.flatMap { tables.outputs[$0].id == job.id ? $0 : nil }
            for place in found.map({ [$0] }) ?? tables.outputs.indices.filter({ tables.outputs[$0].id == job.id }) { byPlace[place] = job }
            for path in job.paths { byPath[path] = job }
        }
        return JobsByPath(tables: tables, replacedByPlace: byPlace, replacedByPath: byPath)
    }
}

/// Jobs whose files all lie in `folder`, planned once, by whoever needs them first while any other caller waits.
final class DeferredJobs: @unchecked Sendable {
    let folder: String
    private var plan: (@Sendable () -> [JobOutput])?
    private var planned: JobsByPath?
    /// Guards `planned`; held only for a moment, so `plannedJobs` never waits for the planning.
    private let state = NSLock()
    /// Held while planning (and guards `plan`): a second caller waits here for the first one's jobs.
    private let planning = NSLock()

    /// The last plan's rendered jobs that these jobs may take files from, when this plan is `scholia serve`'s quick one.
    let inherited: InheritedJobs

    init(folder: String, inherited: InheritedJobs = InheritedJobs { [:] }, plan: @escaping @Sendable () -> [JobOutput]) {
        self.folder = folder
        self.inherited = inherited
        self.plan = plan
    }

    /// What the next plan's index may take files from: these jobs once planned, else what they would have taken.
    var lenders: [String: JobOutput] {
        guard let planned = plannedJobs else { return inherited.byID }
        return Dictionary(planned.outputs.compactMap { output in output.lender.map { (output.id, $0) } }, uniquingKeysWith: { _, later in later })
    }

    /// The jobs, planned now if they were not.
    var jobs: JobsByPath {
        if let planned = plannedJobs { return planned }
        return planning.withLock {
            if let planned = plannedJobs { return planned }
            let made = JobsByPath(plan!())
            plan = nil
            state.withLock { planned = made }
            return made
        }
    }

    /// The jobs if they are planned, without planning them.
    var plannedJobs: JobsByPath? { state.withLock { planned } }
}

/// The last plan's jobs a quick plan's search index may take files from, by id, gathered when first needed: for the
/// index of a large site (some 20,000 files at 10,000 documents) that is milliseconds a save's page need not wait for.
final class InheritedJobs: @unchecked Sendable {
    private var gather: (@Sendable () -> [String: JobOutput])?
    private var gathered: [String: JobOutput]?
    private let lock = NSLock()

    init(_ gather: @escaping @Sendable () -> [String: JobOutput]) {
        self.gather = gather
    }

    var byID: [String: JobOutput] {
        lock.withLock {
            if let gathered { return gathered }
            let made = gather!()
            // Dropped once used, so that the last plan's index is not kept alive by this one.
            (gathered, gather) = (made, nil)
            return made
        }
    }
}

/// One job's files, made once: whoever needs them first (a request, the background render) plans and renders the
/// job while any other caller waits, so that a job is never rendered twice for the same plan. Its context and
/// fingerprint are worked out then too, not when the site is planned: for ten thousand documents that is a second
/// or more that the first page need not wait for. A job the last plan rendered with the same fingerprint lends
/// its files (equal fingerprints mean equal bytes), so that a save renders again only what it changed.
final class JobOutput: @unchecked Sendable {
    let id: String
    let paths: [String]
    private struct Made {
        var fingerprint: UInt64?
        var files: [OutputFile]
        var fromPrevious: Bool
    }
    /// Both dropped once used, so that a made job does not keep its plan's site, or the last plan's job, alive.
    private var plan: (@Sendable () -> PageJob)?
    private var previous: JobOutput?
    private var made: Made?
    /// Guards the state above; held only for a moment, so `isMade` never waits for a render.
    private let state = NSLock()
    /// Held while the job is planned and rendered: a second caller waits here for the first one's files.
    private let rendering = NSLock()

    /// `previous`: the last plan's job of the same id, if it was rendered.
    init(_ plan: SitePages.JobPlan, previous: JobOutput?) {
        id = plan.id
        paths = plan.paths
        self.plan = plan.job
        self.previous = previous
    }

    var isMade: Bool { state.withLock { made != nil } }

    /// Known once the job is made.
    var fingerprint: UInt64? { state.withLock { made?.fingerprint } }

    /// The rendered job the next plan may take files from: this one once made (unless it has no fingerprint),
    /// else the last plan's that this one would take them from, so that a burst of saves loses nothing.
    var lender: JobOutput? {
        state.withLock { made.map { $0.fingerprint == nil ? nil : self } ?? previous }
    }

    /// The files and fingerprint if the job is made, without making it.
    var madeFiles: (fingerprint: UInt64?, files: [OutputFile])? { state.withLock { made.map { ($0.fingerprint, $0.files) } } }

    /// Whether the files are the last plan's, taken over rather than rendered.
    var tookOver: Bool { state.withLock { made?.fromPrevious ?? false } }

    func files() -> [OutputFile] {
        if let made = state.withLock({ made }) { return made.files }
        return rendering.withLock {
            // Another caller may have made it while this one waited.
            if let made = state.withLock({ made }) { return made.files }
            let (plan, previous) = state.withLock { (self.plan!, self.previous) }
            let job = plan()
            let result: Made
            if let fingerprint = job.fingerprint, let files = previous?.files(ifFingerprint: fingerprint) {
                result = Made(fingerprint: fingerprint, files: files, fromPrevious: true)
            } else {
                result = Made(fingerprint: job.fingerprint, files: job.render(), fromPrevious: false)
            }
            state.withLock {
                made = result
                self.plan = nil
                self.previous = nil
            }
            return result.files
        }
    }

    private func files(ifFingerprint fingerprint: UInt64) -> [OutputFile]? {
        state.withLock { made.flatMap { $0.fingerprint == fingerprint ? $0.files : nil } }
    }
}
