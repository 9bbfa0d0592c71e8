#if os(Linux)
import Foundation
import Testing
@testable import ScholiaServer

/// The inotify watcher names the files it saw change, so that a save stamps those files only; when it cannot say
/// (a folder came or went), it names none and the session stamps every input.
@Suite struct WatcherNamesTests {
    private final class Seen: @unchecked Sendable {
        private var changes: [WatchedChange] = []
        private let lock = NSLock()
        func add(_ change: WatchedChange) { lock.withLock { changes.append(change) } }
        func take() -> [WatchedChange] { lock.withLock { defer { changes = [] }; return changes } }

        /// The changes seen until one satisfies `done`, or two seconds.
        func wait(until done: (WatchedChange) -> Bool) async -> [WatchedChange] {
            var all: [WatchedChange] = []
            for _ in 0..<200 {
                all += take()
                if all.contains(where: done) { return all }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return all
        }
    }

    /// A build waits for the whole debounce unless every change is named and every file named was written to the end.
    @Test func theFeedTellsWhenTheSavesSeenAreComplete() {
        let feed = ChangeFeed()
        #expect(feed.isComplete && feed.takePending() == nil)
        feed.record(WatchedChange(paths: ["Content/documents/a.md"], callsForBuild: true, beingWritten: ["Content/documents/a.md"]))
        #expect(!feed.isComplete)
        feed.record(WatchedChange(paths: ["Content/documents/a.md"], callsForBuild: true, written: ["Content/documents/a.md"]))
        #expect(feed.isComplete)
        #expect(feed.takePending() == .some(["Content/documents/a.md"]))
        // A scratch file is named for the next build but calls for none.
        feed.record(WatchedChange(paths: ["Content/documents/a.md~"], callsForBuild: false))
        #expect(feed.takePending() == nil)
        feed.record(.unknown)
        #expect(!feed.isComplete)
        // Nothing named since a change that could not be: the scratch file's name went with it (the build scans).
        #expect(feed.takePending() == .some(nil))
        #expect(feed.isComplete)
        // A file left open keeps the feed incomplete across builds, until its write ends.
        feed.record(WatchedChange(paths: ["site.yml"], callsForBuild: true, beingWritten: ["site.yml"]))
        #expect(feed.takePending() == .some(["site.yml"]))
        #expect(!feed.isComplete)
        feed.record(WatchedChange(paths: ["site.yml"], callsForBuild: true, written: ["site.yml"]))
        #expect(feed.isComplete)
    }

    @Test func savesAreNamedAndNewFoldersAreNot() async throws {
        let site = try FixtureSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let watcher = try #require(InotifyWatcher(tree: WatchedTree(root: site.root)))
        let seen = Seen()
        try watcher.start { seen.add($0) }
        defer { watcher.stop() }

        // Written through a temporary file and a rename: both names are reported (the rename's target is the save).
        try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Saved."))
        var changes = await seen.wait { $0.paths?.contains("Content/documents/first.md") == true }
        #expect(changes.contains { $0.paths?.contains("Content/documents/first.md") == true && $0.callsForBuild })
        #expect(changes.allSatisfy { $0.paths != nil })
        // The save is complete: its last event put the file in place.
        #expect(changes.contains { $0.written.contains("Content/documents/first.md") })

        try site.write("site.yml", "title: Renamed\nbase_url: https://example.org/\n")
        changes = await seen.wait { $0.paths?.contains("site.yml") == true }
        #expect(changes.contains { $0.paths?.contains("site.yml") == true })

        // An editor's backup file is an input (a build warns of it) but calls for no build of its own.
        try Data("backup".utf8).write(to: site.root.appendingPathComponent("Content/documents/first.md~"))
        changes = await seen.wait { $0.paths?.contains("Content/documents/first.md~") == true }
        #expect(changes.contains { $0.paths?.contains("Content/documents/first.md~") == true }, "\(changes)")
        #expect(changes.allSatisfy { $0.paths != ["Content/documents/first.md~"] || !$0.callsForBuild }, "\(changes)")
        #expect(changes.allSatisfy { !$0.written.contains("Content/documents/first.md~") && !$0.beingWritten.contains("Content/documents/first.md~") })

        // A new folder may hold files written before it was watched: nothing is named.
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/documents/more"), withIntermediateDirectories: true)
        changes = await seen.wait { $0.paths == nil }
        #expect(changes.contains { $0.paths == nil && $0.callsForBuild })

        // Files in the new folder are named by their path from the site folder once it is watched.
        try await Task.sleep(for: .milliseconds(300))
        _ = seen.take()
        try site.write("Content/documents/more/third.md", FixtureSite.document(title: "Third", text: "Below."))
        changes = await seen.wait { $0.paths?.contains("Content/documents/more/third.md") == true }
        #expect(changes.contains { $0.paths?.contains("Content/documents/more/third.md") == true })
    }
}
#endif
