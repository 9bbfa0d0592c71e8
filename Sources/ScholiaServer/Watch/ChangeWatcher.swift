import Foundation

/// Calls back when something under the watched tree may have changed. Bursts are fine: the rebuild
/// loop debounces them.
protocol ChangeWatcher: Sendable {
    func start(onChange: @escaping @Sendable () -> Void) throws
    func stop()
}

/// How the preview notices saves.
package enum WatchMode: Sendable {
    /// inotify on Linux, polling where it is not available.
    case automatic
    /// Compare file sizes and times every interval.
    case polling(interval: Duration)
    /// No watching: the site is built once.
    case off
}

enum ChangeWatchers {
    static func make(_ mode: WatchMode, tree: WatchedTree) -> (any ChangeWatcher)? {
        switch mode {
        case .off: return nil
        case .polling(let interval): return PollingWatcher(tree: tree, interval: interval)
        case .automatic:
            #if os(Linux)
            if let watcher = InotifyWatcher(tree: tree) { return watcher }
            #endif
            return PollingWatcher(tree: tree, interval: .milliseconds(500))
        }
    }
}
