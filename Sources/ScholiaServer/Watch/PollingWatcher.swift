import Foundation

/// The fallback: a fingerprint of sizes and modification times, taken every interval.
final class PollingWatcher: ChangeWatcher {
    private let tree: WatchedTree
    private let interval: Duration
    private let task = Locked<Task<Void, Never>?>(nil)

    init(tree: WatchedTree, interval: Duration) {
        self.tree = tree
        self.interval = interval
    }

    func start(onChange: @escaping @Sendable (WatchedChange) -> Void) throws {
        let tree = tree, interval = interval
        let poller = Task.detached(priority: .utility) {
            var last = tree.fingerprint()
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let now = tree.fingerprint()
                if now != last {
                    last = now
                    onChange(.unknown)
                }
            }
        }
        task.withLock { $0 = poller }
    }

    func stop() {
        task.withLock { $0?.cancel(); $0 = nil }
    }
}
