import Foundation
import ScholiaModel
import ScholiaCore

/// Plans the site in memory and swaps the result in, its pages rendered on request (those a save changed, and the
/// search index, in the background too);
/// keeps the last good build to show under errors. An actor, so that two builds never run at once.
actor PreviewBuilder {
    private let options: BuildOptions
    /// Made by the first build, on the build queue: it reads the last build's caches, seconds for a large site.
    private var session: SiteSession?
    private let store: SnapshotStore
    private let broadcaster: ReloadBroadcaster
    private let background: BackgroundRenderer
    private var lastGood: PreviewSite?
    private var generation = 0
    /// True while the snapshot served is the last `scholia build`'s output (`servePublished`), until the first plan.
    private var servingPublished = false

    /// Plans run here rather than on Swift's few concurrency threads, which also serve requests.
    private static let queue = DispatchQueue(label: "scholia.preview.build", qos: .userInitiated)

    init(options: BuildOptions, store: SnapshotStore, broadcaster: ReloadBroadcaster, background: BackgroundRenderer) {
        self.options = options
        self.store = store
        self.broadcaster = broadcaster
        self.background = background
    }

    /// Serves the last build's output, current as `PublishedOutput.current` found it, until the first plan is made.
    func servePublished(_ published: PublishedOutput) -> BuildOutcome {
        generation += 1
        servingPublished = true
        store.replace(with: SnapshotMaker.make(from: published, errors: [], generation: generation, fallbackBasePath: published.basePath))
        broadcaster.publish(generation)
        return .servingLastBuild(files: published.fileCount)
    }

    /// Publishes the new build once it is planned: its pages are rendered when asked for, the changed ones and the
    /// search index in the background too.
    /// `changed`: the input files changed since the last build, as the watcher named them (nil: it cannot say).
    func build(changed: Set<String>? = nil) async -> BuildOutcome {
        let start = Date()
        let (session, options) = (session, options)
        // The served build's background render gives way while this one plans (it would only slow the plan down);
        // it starts again below, for whichever build is then served.
        background.stop()
        let (planner, result) = await withCheckedContinuation { continuation in
            Self.queue.async {
                let planner = session ?? SiteSession(options: options)
                continuation.resume(returning: (planner, Self.plan(planner, changed: changed)))
            }
        }
        self.session = planner
        // The first plan after the last build's output was served makes those very files (its key was checked, and the
        // watcher, started before, names anything changed since for the next build): open pages need not reload.
        let samePages = servingPublished && (try? result.get()) != nil
        servingPublished = false
        if !samePages { generation += 1 }
        let outcome: BuildOutcome
        switch result {
        case .success(let site):
            lastGood = site
            store.replace(with: SnapshotMaker.make(from: site, errors: [], generation: generation, fallbackBasePath: site.basePath))
            outcome = .built(generation: generation, files: site.fileCount, seconds: Date().timeIntervalSince(start), warnings: site.warnings)
        case .failure(let failure):
            let errors = failure.diagnostics.isEmpty ? [Self.unexplained] : failure.diagnostics
            store.replace(with: SnapshotMaker.make(from: lastGood, errors: errors, generation: generation,
                                                   fallbackBasePath: store.current.basePath))
            outcome = .failed(generation: generation, errors: errors, servingLastGood: lastGood != nil)
        }
        // The snapshot is swapped before the pages are told to reload, so that their requests get the new build.
        if !samePages { broadcaster.publish(generation) }
        if let lastGood { background.start(lastGood.pages) }
        return outcome
    }

    private static func plan(_ session: SiteSession, changed: Set<String>?) -> Result<PreviewSite, ContentErrors> {
        do {
            return .success(try PreviewSite.plan(session, changed: changed))
        } catch let errors as ContentErrors {
            return .failure(errors)
        } catch {
            return .failure(ContentErrors([Diagnostic(.error, String(describing: error), at: SourceLocation(path: "site.yml"))]))
        }
    }

    private static let unexplained = Diagnostic(.error, "the build failed without saying why", at: SourceLocation(path: "site.yml"))
}
