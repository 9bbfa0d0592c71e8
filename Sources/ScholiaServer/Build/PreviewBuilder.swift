import Foundation
import ScholiaModel
import ScholiaCore

/// Builds the site in memory and swaps the result in; keeps the last good build to show under errors.
/// An actor, so that two builds never run at once.
actor PreviewBuilder {
    private let session: SiteSession
    private let store: SnapshotStore
    private let broadcaster: ReloadBroadcaster
    private var lastGood: RenderedSite?
    private var generation = 0

    /// Builds run here rather than on Swift's few concurrency threads, which also serve requests.
    private static let queue = DispatchQueue(label: "scholia.preview.build", qos: .userInitiated)

    init(options: BuildOptions, store: SnapshotStore, broadcaster: ReloadBroadcaster) {
        session = SiteSession(options: options)
        self.store = store
        self.broadcaster = broadcaster
    }

    func build() async -> BuildOutcome {
        let start = Date()
        let session = session
        let result: Result<RenderedSite, ContentErrors> = await withCheckedContinuation { continuation in
            Self.queue.async { continuation.resume(returning: Self.render(session)) }
        }
        generation += 1
        let outcome: BuildOutcome
        switch result {
        case .success(let site):
            lastGood = site
            store.replace(with: SnapshotMaker.make(from: site, errors: [], generation: generation, fallbackBasePath: site.basePath))
            outcome = .built(generation: generation, files: site.files.count, seconds: Date().timeIntervalSince(start), warnings: site.warnings)
        case .failure(let failure):
            let errors = failure.diagnostics.isEmpty ? [Self.unexplained] : failure.diagnostics
            store.replace(with: SnapshotMaker.make(from: lastGood, errors: errors, generation: generation,
                                                   fallbackBasePath: store.current.basePath))
            outcome = .failed(generation: generation, errors: errors, servingLastGood: lastGood != nil)
        }
        broadcaster.publish(generation)
        return outcome
    }

    private static func render(_ session: SiteSession) -> Result<RenderedSite, ContentErrors> {
        do {
            return .success(try RenderedSite.render(session))
        } catch let errors as ContentErrors {
            return .failure(errors)
        } catch {
            return .failure(ContentErrors([Diagnostic(.error, String(describing: error), at: SourceLocation(path: "site.yml"))]))
        }
    }

    private static let unexplained = Diagnostic(.error, "the build failed without saying why", at: SourceLocation(path: "site.yml"))
}
