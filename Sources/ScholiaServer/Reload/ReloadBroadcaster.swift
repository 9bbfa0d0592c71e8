import Foundation

/// Tells every open page the latest build generation. Each listener sees the current generation at once
/// (so that a page loaded just before a rebuild still catches up) and then each new one.
final class ReloadBroadcaster: Sendable {
    private struct State {
        var generation = 0
        var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
        var finished = false
    }

    private let state = Locked(State())

    func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        let open = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.listeners[id] = continuation
            continuation.yield(state.generation)
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    func publish(_ generation: Int) {
        state.withLock { state in
            state.generation = generation
            for listener in state.listeners.values { listener.yield(generation) }
        }
    }

    /// Ends every open stream, so that the server can stop without waiting on pages that never close.
    func finish() {
        let listeners = state.withLock { state in
            state.finished = true
            defer { state.listeners.removeAll() }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
