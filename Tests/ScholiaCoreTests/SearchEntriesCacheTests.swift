import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

/// The search index's part of each document is kept between builds: after a one-document edit, only that
/// document is read and analysed again, and the index is still the one a clean build makes.
@Suite struct SearchEntriesCacheTests {
    @Test func anEditAnalysesOnlyTheEditedDocumentAndTheIndexIsTheCleanOne() throws {
        var editor = SiteEditor(seed: 3)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let built = try SiteBuilder.build(options)
        let folder = site.root.appendingPathComponent(SiteLayout.cacheFolder)
        #expect(DataCache.read(from: folder, name: BuildCache.searchEntriesName).count == built.documentCount)

        try editor.rewrite(document: 1, in: site.root)
        let entries = DataCache.read(from: folder, name: BuildCache.searchEntriesName)
        let memory = MemorySink()
        let rendering = try SiteBuilder.prepare(options, cache: DocumentCache.read(from: folder), searchCache: entries, progress: nil)
            .render(unchanged: { _, _ in false }, into: memory)
        #expect(entries.storeCount == 1)
        let incremental = rendering.jobs.flatMap { memory.files(of: $0.id) ?? [] }.filter { $0.path.hasPrefix("search/") }
        let clean = try SiteBuilder.render(options).files.filter { $0.path.hasPrefix("search/") }
        #expect(incremental.count > 5)
        #expect(Dictionary(uniqueKeysWithValues: incremental.map { ($0.path, $0.data) }) == Dictionary(uniqueKeysWithValues: clean.map { ($0.path, $0.data) }))
    }
}

extension SearchEntriesCacheTests {
    @Test func thePreviewStartsFromTheLastBuildsEntries() throws {
        var editor = SiteEditor(seed: 5)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        try editor.rewrite(document: 2, in: site.root)
        let session = SiteSession(options: options)
        let rendered = try session.render()
        #expect(session.searchEntries.storeCount == 1)
        let clean = try SiteBuilder.render(options)
        #expect(Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.data) }) == Dictionary(uniqueKeysWithValues: clean.files.map { ($0.path, $0.data) }))
    }
}
