import Foundation
import Testing
@testable import ScholiaServer

/// `WatchedTree.folders`: the folders the preview watches, from directory entries alone.
@Suite struct WatchedTreeTests {
    @Test func everyFolderUnderContentAndTemplatesButHiddenOnesAndWhatTheyHold() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watched-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Content/documents/2024", "Content/speakers", "Content/.git/objects", "Templates/partials", "Public/documents", ".scholia-cache"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["site.yml", "Content/documents/a.md", "Content/documents/2024/b.md", "Templates/page.mustache"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        // A link to a folder is not followed (as before: a watch on it would name its files by another path).
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Content/linked"), withDestinationURL: root.appendingPathComponent("Public"))
        let folders = WatchedTree(root: root).folders().map { String($0.path.dropFirst(root.path.count + 1)).trimmingCharacters(in: ["/"]) }
        #expect(folders.sorted() == ["Content", "Content/documents", "Content/documents/2024", "Content/speakers", "Templates", "Templates/partials"])
    }
}

extension WatchedTreeTests {
    /// The polling watcher's fingerprint: a change to a watched file shows, one to a scratch file or `Public/` does not.
    @Test func theFingerprintChangesWithTheWatchedFilesOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Content/documents", "Content/.git", "Templates", "Public"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
        try write("site.yml", "title: A")
        try write("Content/documents/a.md", "text")
        let tree = WatchedTree(root: root)
        let first = tree.fingerprint()
        #expect(Set(first.keys) == [root.path + "/site.yml", root.path + "/Content/documents/a.md"])
        for scratch in ["Content/documents/.a.md.swp", "Content/documents/a.md~", "Content/.git/index", "Public/index.html"] {
            try write(scratch, "scratch")
            #expect(tree.fingerprint() == first, "\(scratch)")
        }
        try write("Content/documents/a.md", "longer text")
        #expect(tree.fingerprint() != first)
        let second = tree.fingerprint()
        try write("Templates/page.mustache", "x")
        #expect(tree.fingerprint() != second)
        // A file a link in Content/ names: its edit shows through the link.
        try write("elsewhere.md", "linked")
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Content/documents/linked.md"),
                                                   withDestinationURL: root.appendingPathComponent("elsewhere.md"))
        let third = tree.fingerprint()
        try write("elsewhere.md", "linked, and edited")
        #expect(tree.fingerprint() != third)
    }
}
