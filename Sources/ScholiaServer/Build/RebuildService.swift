import Foundation
import ServiceLifecycle

/// Rebuilds after each burst of saves: a build starts once no save has come for `quiet`, or after
/// `longest` of continuous saving. Saves during a build lead to one more build after it.
struct RebuildService: Service {
    let feed: ChangeFeed?
    let builder: PreviewBuilder
    let broadcaster: ReloadBroadcaster
    let quiet: Duration
    /// The shorter wait once the saves seen are complete: long enough for the rest of an editor's save (its backup
    /// file removed, say) to come in the same build.
    var completeQuiet: Duration = .milliseconds(5)
    let longest: Duration
    let report: @Sendable (BuildOutcome) -> Void
    /// Whether the first build is still to make (the server answers meanwhile from the last build's output).
    var buildsFirst = false

    func run() async throws {
        // Open event streams would keep the server's graceful shutdown waiting; this service stops
        // first, so ending them here lets the server stop at once.
        defer { broadcaster.finish() }
        if buildsFirst { await firstBuild() }
        guard let feed else {
            try? await gracefulShutdown()
            return
        }
        await withGracefulShutdownHandler {
            for await _ in feed.signals {
                await settle(feed)
                guard !Task.isCancelled, let changed = feed.takePending() else { continue }
                report(await builder.build(changed: changed))
            }
        } onGracefulShutdown: {
            feed.close()
        }
    }

    /// The first build, which a stop does not wait for: Ctrl-C while a large site is planned stops the server at once.
    private func firstBuild() async {
        let (outcomes, continuation) = AsyncStream.makeStream(of: BuildOutcome.self)
        let builder = builder
        Task {
            continuation.yield(await builder.build())
            continuation.finish()
        }
        await withGracefulShutdownHandler {
            for await outcome in outcomes { report(outcome) }
        } onGracefulShutdown: {
            continuation.finish()
        }
    }

    /// Waits for `quiet` without a change, or only `completeQuiet` once the watcher saw every file named written to the
    /// end (`ChangeFeed.isComplete`): in steps of at most `completeQuiet`, so that a write ended after a wait began is seen.
    private func settle(_ feed: ChangeFeed) async {
        let start = ContinuousClock.now
        while !Task.isCancelled {
            let quietFor = feed.quietFor
            let needed = feed.isComplete ? min(completeQuiet, quiet) : quiet
            if quietFor >= needed || ContinuousClock.now - start >= longest { return }
            try? await Task.sleep(for: min(needed - quietFor, completeQuiet))
        }
    }
}
