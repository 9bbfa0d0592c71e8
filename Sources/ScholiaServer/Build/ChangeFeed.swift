import Foundation

/// Where the watcher reports changes: a count and the time of the last one (so that the rebuild loop can
/// wait for a quiet moment and skip a build when nothing changed since the last), the files named since the last
/// build, and a wake-up signal.
final class ChangeFeed: Sendable {
    private struct State {
        var changes = 0
        var built = 0
        var last = ContinuousClock.now
        /// Nil once a change could not be named, until the next build takes them.
        var paths: Set<String>? = []
        /// The files whose last event did not end a write.
        var beingWritten: Set<String> = []
    }

    private let state = Locked(State())
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init() {
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func record(_ change: WatchedChange = .unknown) {
        state.withLock { state in
            state.paths = state.paths.flatMap { paths in change.paths.map { paths.union($0) } }
            state.beingWritten.subtract(change.written)
            state.beingWritten.formUnion(change.beingWritten)
            if change.callsForBuild {
                state.changes += 1
                state.last = .now
            }
        }
        if change.callsForBuild { signal.yield() }
    }

    /// Ends the signals, and with them the rebuild loop.
    func close() { signal.finish() }

    var quietFor: Duration { state.withLock { ContinuousClock.now - $0.last } }

    /// Whether every change since the last build is named and every file named was written to the end: an editor's
    /// save is then complete, and a build need not wait for the whole debounce.
    var isComplete: Bool { state.withLock { $0.paths != nil && $0.beingWritten.isEmpty } }

    /// Marks everything recorded so far as about to be built, and hands over the files named since the last build
    /// (nil: not all could be named); nil when nothing new was recorded.
    func takePending() -> Set<String>?? {
        state.withLock { state in
            guard state.changes != state.built else { return nil }
            state.built = state.changes
            defer { state.paths = [] }
            return .some(state.paths)
        }
    }
}
