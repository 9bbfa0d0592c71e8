import Foundation

/// Calls back when something under the watched tree may have changed. Bursts are fine: the rebuild
/// loop debounces them.
protocol ChangeWatcher: Sendable {
    func start(onChange: @escaping @Sendable (WatchedChange) -> Void) throws
    func stop()
}

/// What a watcher saw: the files it can name (paths from the site folder), or that it cannot say which (a folder
/// came or went, events were lost, a watcher that only polls), and whether a rebuild is called for: editors' scratch
/// files are named, since the site's load sees them, but do not call for one.
struct WatchedChange: Sendable {
    /// Nil when the watcher cannot say which files changed.
    var paths: Set<String>?
    var callsForBuild: Bool
    /// Of the files named (scratch files aside), those whose last event ended a write (closed after writing, renamed
    /// into place, or the file gone) and those still being written (made or written to, not closed yet).
    var written: Set<String> = []
    var beingWritten: Set<String> = []

    static let unknown = WatchedChange(paths: nil, callsForBuild: true)
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
