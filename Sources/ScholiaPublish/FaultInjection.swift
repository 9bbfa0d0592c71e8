import Foundation
import ScholiaModel

/// For the crash tests: with `SCHOLIA_FAULT_AFTER_WRITES=N` in the environment, the process ends abruptly
/// (`_exit`, no clean-up, as a kill would) just before its N-th change to the file system while publishing.
/// Without the variable each step costs one load of a constant.
enum FaultInjection {
    private static let limit: Int? = ProcessInfo.processInfo.environment["SCHOLIA_FAULT_AFTER_WRITES"].flatMap { Int($0) }
    private static let counter = Counter()

    /// The exit status of a process stopped by an injected fault.
    static let exitStatus: Int32 = 86

    /// Counts one change about to be made to the output, the journal or the staging folder.
    static func step() {
        guard let limit else { return }
        if counter.next() >= limit { _exit(exitStatus) }
    }

    private final class Counter: @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { count += 1; return count } }
    }
}
