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
