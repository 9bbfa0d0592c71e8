import Dispatch

/// Holds the current snapshot; a rebuild replaces it in one step, requests take it in one step.
final class SnapshotStore: Sendable {
    private let snapshot = Locked(SiteSnapshot.empty)
    /// Where the snapshots let go of are freed.
    private static let disposal = DispatchQueue(label: "scholia.preview.disposal", qos: .utility)

    var current: SiteSnapshot { snapshot.withLock { $0 } }

    /// The snapshot before is freed on a queue of its own, outside the lock: the last reference to a large site's
    /// build frees every document and job it held, tens of milliseconds during which no request could be answered
    /// and the new build would not be served.
    func replace(with next: SiteSnapshot) {
        let previous = snapshot.withLock { current in
            defer { current = next }
            return current
        }
        Self.disposal.async { withExtendedLifetime(previous) {} }
    }
}
