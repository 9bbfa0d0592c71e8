import Foundation
import Search

/// What a build knows of the search index the last build wrote (its `IndexState` and a way to read its files
/// as written), so that after a few changed documents the index is updated rather than planned whole; and the
/// state this build leaves for the next. Thread-safe.
package final class SearchIndexMemory: @unchecked Sendable {
    let previous: IndexState?
    /// The bytes of a file under `search/` as the last build wrote it, or nil if it is not there as written.
    let previousFile: @Sendable (String) -> Data?
    private var next_: IndexState?
    private var updated_ = false
    private let lock = NSLock()

    package init(previous: IndexState?, previousFile: @escaping @Sendable (String) -> Data?) {
        self.previous = previous
        self.previousFile = previousFile
    }

    /// The state of the index this build planned; nil if it planned none.
    package var next: IndexState? { lock.withLock { next_ } }

    /// Whether this build updated the last build's index rather than planning it whole.
    package var updated: Bool { lock.withLock { updated_ } }

    func keep(_ state: IndexState, updated: Bool) {
        lock.withLock {
            next_ = state
            updated_ = updated
        }
    }
}
