import Foundation

/// Where the watcher reports changes: a count and the time of the last one (so that the rebuild loop can
/// wait for a quiet moment and skip a build when nothing changed since the last), and a wake-up signal.
final class ChangeFeed: Sendable {
    private struct State {
        var changes = 0
        var built = 0
        var last = ContinuousClock.now
    }

    private let state = Locked(State())
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init() {
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func record() {
        state.withLock { $0.changes += 1; $0.last = .now }
        signal.yield()
    }

    /// Ends the signals, and with them the rebuild loop.
    func close() { signal.finish() }

    var quietFor: Duration { state.withLock { ContinuousClock.now - $0.last } }

    /// Marks everything recorded so far as about to be built; false when nothing new was recorded.
    func takePending() -> Bool {
        state.withLock { state in
            guard state.changes != state.built else { return false }
            state.built = state.changes
            return true
        }
    }
}
