/// Holds the current snapshot; a rebuild replaces it in one step, requests take it in one step.
final class SnapshotStore: Sendable {
    private let snapshot = Locked(SiteSnapshot.empty)

    var current: SiteSnapshot { snapshot.withLock { $0 } }

    func replace(with next: SiteSnapshot) {
        snapshot.withLock { $0 = next }
    }
}
