import Foundation

/// What `scholia serve` is asked to do.
package struct PreviewConfiguration: Sendable {
    package var siteDirectory: URL
    /// Loopback unless told otherwise: a preview is for the editor, not the network.
    package var host: String
    /// 0 asks the system for any free port (tests use this).
    package var port: Int
    /// When the port is taken, try the next ones (up to 20) instead of stopping.
    package var tryNextPorts: Bool
    package var watch: WatchMode
    package var includeDrafts: Bool
    /// How long the files must stay unchanged before a rebuild starts. An editor's save (truncate and write, or write
    /// a temporary file and rename it) reaches the watcher within a millisecond or two, so 25 ms still makes one build
    /// of it; a build started within a longer burst is followed by one more (`RebuildService`). Once the watcher saw
    /// every file it names written to the end, the build waits only 5 ms (`RebuildService.completeQuiet`).
    var debounce: Duration

    package init(siteDirectory: URL, host: String = "127.0.0.1", port: Int = 8000, tryNextPorts: Bool = false,
                watch: WatchMode = .automatic, includeDrafts: Bool = false, debounce: Duration = .milliseconds(25)) {
        self.siteDirectory = siteDirectory
        self.host = host
        self.port = port
        self.tryNextPorts = tryNextPorts
        self.watch = watch
        self.includeDrafts = includeDrafts
        self.debounce = debounce
    }
}
