import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaRender
@testable import ScholiaCore

/// A build after a few changed documents updates the search index from the last build's files and state; whatever
/// it finds (an index file edited by hand, a missing or foreign state), the output is a full build's.
@Suite struct SearchIndexUpdateBuildTests {
    typealias Build = IncrementalBuildTests

    @Test func aChangedDocumentUpdatesTheIndexAndItsFilesAreAFullBuilds() throws {
        let site = try TestSite(SiteEditor(seed: 3).initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        #expect(try !SiteBuilder.build(options).searchIndexUpdated)
        let search = options.output.appendingPathComponent("search")
        let before = try Build.files(in: search)
        let document = site.root.appendingPathComponent("Content/documents/doc-2.md")
        let original = try String(contentsOf: document, encoding: .utf8)
        try original.replacingOccurrences(of: "We spoke of", with: "We argued about").write(to: document, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder.build(options).searchIndexUpdated)
        try expectFullBuild(options, "after an edit")
        let after = try Build.files(in: search)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(changed.contains { $0.hasPrefix("terms/") } && changed.contains { $0.hasPrefix("words/") }, "\(changed.sorted())")

        // A file the edit back does not touch, edited by hand: the update goes on, and that file is made again.
        let untouched = try #require(after.keys.sorted().first { $0.hasPrefix("pairs/") && !changed.contains($0) } ?? after.keys.sorted().first { $0.hasPrefix("words/") && !changed.contains($0) })
        try Data("{}\n".utf8).write(to: search.appendingPathComponent(untouched))
        try original.write(to: document, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder.build(options).searchIndexUpdated)
        try expectFullBuild(options, "after \(untouched) was edited by hand")

        // A file the edit touches, edited by hand: the index is planned whole.
        let touched = try #require(changed.sorted().first { $0.hasPrefix("terms/") })
        try Data("{}\n".utf8).write(to: search.appendingPathComponent(touched))
        try original.replacingOccurrences(of: "We spoke of", with: "We argued about").write(to: document, atomically: true, encoding: .utf8)
        #expect(try !SiteBuilder.build(options).searchIndexUpdated)
        try expectFullBuild(options, "after \(touched) was edited by hand")

        // The state missing, damaged, or from another build: planned whole.
        let state = site.root.appendingPathComponent(".scholia-cache/search-state")
        let kept = try Data(contentsOf: state)
        for (index, replacement) in [nil, kept.prefix(kept.count / 2), kept.dropLast(1) + Data([kept.last! ^ 1])].enumerated() {
            if let replacement { try replacement.write(to: state) } else { try FileManager.default.removeItem(at: state) }
            try "\(original)\nMore words, \(index).\n".write(to: document, atomically: true, encoding: .utf8)
            #expect(try !SiteBuilder.build(options).searchIndexUpdated, "case \(index)")
            try expectFullBuild(options, "state case \(index)")
        }
        let older = try Data(contentsOf: state)
        try "\(original)\nYet more words.\n".write(to: document, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder.build(options).searchIndexUpdated)
        try older.write(to: state)
        try original.write(to: document, atomically: true, encoding: .utf8)
        #expect(try !SiteBuilder.build(options).searchIndexUpdated, "a state older than the pages it names")
        try expectFullBuild(options, "older state")
    }

    private func expectFullBuild(_ options: BuildOptions, _ context: String) throws {
        let full = try SiteBuilder.render(options)
        Build.expectSame(try Build.files(in: options.output), try Build.files(full.files, full.copies), context)
    }
}
