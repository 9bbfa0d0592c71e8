import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaCore

/// `scholia build` after a text edit reads the last build's site back from its snapshot (`QuickBuild`): it must give
/// exactly the bytes of a full build, and leave every other change to the full build.
@Suite struct QuickBuildTests {
    private static func appendParagraph(_ number: Int, _ text: String, in site: TestSite) throws {
        let url = site.root.appendingPathComponent("Content/documents/doc-\(number).md")
        try (try String(contentsOf: url, encoding: .utf8) + "\n\(text)\n").write(to: url, atomically: true, encoding: .utf8)
    }

    private static func expectFullBuildBytes(_ options: BuildOptions, _ context: String) throws {
        let full = try SiteBuilder.render(options)
        IncrementalBuildTests.expectSame(try IncrementalBuildTests.files(in: options.output),
                                         try IncrementalBuildTests.files(full.files, full.copies), context)
    }

    @Test func textEditsAreBuiltQuicklyWithTheBytesOfAFullBuild() throws {
        let site = try TestSite(SiteEditor(seed: 7).initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        #expect(try !SiteBuilder.build(options).quick)
        // One document, another, the first again, two at once: each snapshot appended to is read back right.
        for (round, numbers) in [[1], [2], [1], [3, 4]].enumerated() {
            for number in numbers { try Self.appendParagraph(number, "A paragraph on zebrafish, round \(round).", in: site) }
            let report = try SiteBuilder.build(options)
            #expect(report.quick, "round \(round)")
            #expect(report.updatedInPlace, "round \(round)")
            // The documents' pages and downloads (4 files each) and a few files of the search index; nothing else.
            #expect(report.renderedFileCount < 4 * numbers.count + 8, "round \(round): \(report.renderedFileCount) files")
            try Self.expectFullBuildBytes(options, "round \(round)")
        }
        let snapshot = try #require(SiteSnapshot.read(from: site.root.appendingPathComponent(".scholia-cache")))
        #expect(snapshot.key == BuildCache(siteDirectory: site.root, options: options).savedKey())
        // The full build after them agrees too: the snapshot's documents are the ones read last.
        try Self.appendParagraph(5, "Speaker: no such label here.", in: site)
        try Data("title: Test Archive 2\nbase_url: https://example.org/\npaginate: 3\n".utf8).write(to: site.root.appendingPathComponent("site.yml"))
        #expect(try !SiteBuilder.build(options).quick)
        try Self.expectFullBuildBytes(options, "after a settings change")
    }

    @Test func manyTextEditsGoToANewFolder() throws {
        let editor = SiteEditor(seed: 5)
        var files = editor.initialFiles()
        for number in 9...60 { files["Content/documents/doc-\(number).md"] = editor.document(number, version: 0) }
        let site = try TestSite(files)
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        // More documents than a build writes in place: the pages kept are linked into a new folder, the others made there.
        for number in 1...55 { try Self.appendParagraph(number, "Paragraph \(number) added.", in: site) }
        let report = try SiteBuilder.build(options)
        #expect(report.quick && !report.updatedInPlace)
        try Self.expectFullBuildBytes(options, "55 documents edited")
    }

    @Test(arguments: ["title", "new document", "speaker file", "edited output", "broken snapshot", "stale snapshot"])
    func otherChangesTakeTheFullBuild(change: String) throws {
        let site = try TestSite(SiteEditor(seed: 3).initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        let cache = site.root.appendingPathComponent(".scholia-cache")
        let snapshotFile = cache.appendingPathComponent(SiteSnapshot.fileName)
        try Self.appendParagraph(1, "A text edit that alone would be quick.", in: site)
        let document = site.root.appendingPathComponent("Content/documents/doc-1.md")
        switch change {
        case "title":
            let text = try String(contentsOf: document, encoding: .utf8)
            try text.replacingOccurrences(of: "title: Document 1 version 0", with: "title: Document One").write(to: document, atomically: true, encoding: .utf8)
        case "new document":
            try Data(SiteEditor(seed: 3).document(20, version: 0).utf8).write(to: site.root.appendingPathComponent("Content/documents/doc-20.md"))
        case "speaker file":
            try Data(SiteEditor(seed: 3).speaker("ada-byron", version: 5).utf8).write(to: site.root.appendingPathComponent("Content/speakers/ada-byron.md"))
        case "edited output":
            try Data("edited by hand".utf8).write(to: options.output.appendingPathComponent("404.html"))
        case "broken snapshot":
            var bytes = try Data(contentsOf: snapshotFile)
            bytes[bytes.count - 20] ^= 0xFF
            try bytes.write(to: snapshotFile)
        default:
            // A build whose snapshot could not be saved: the one left is an older build's.
            var snapshot = try #require(SiteSnapshot.read(from: cache))
            snapshot.key = "scholia-build-key older"
            snapshot.save(to: cache)
        }
        let report = try SiteBuilder.build(options)
        #expect(!report.quick, "\(change)")
        try Self.expectFullBuildBytes(options, change)
        // The next text edit is quick again: the full build left a snapshot of its own.
        try Self.appendParagraph(2, "Another text edit.", in: site)
        #expect(try SiteBuilder.build(options).quick, "after \(change)")
        try Self.expectFullBuildBytes(options, "the text edit after \(change)")
    }

    @Test func theSnapshotGivesBackWhatItWasMadeFrom() throws {
        let site = try TestSite(SiteEditor(seed: 11).initialFiles())
        defer { site.remove() }
        let loaded = try #require(SiteBuilder.loadSite(BuildOptions(siteDirectory: site.root)).0)
        // Every field of a speaker and a topic set, so that reading each back is checked.
        var speaker = loaded.speakers[0], topic = loaded.topics[0]
        (speaker.born, speaker.died, speaker.biographyHTML) = ("1900", "1990", "<p>A life.</p>")
        speaker.name = PersonName(given: "Ada", family: "Byron", particle: "de", suffix: "Jr.", literal: nil)
        speaker.declaredRoles = [RoleSpan(title: "Minister", from: "1950", to: "1954"), RoleSpan(title: "Envoy")]
        (speaker.aliases, speaker.coSpeakers) = (["THE CHAIR"], [("ben-okri", 3)])
        (topic.summaryHTML, topic.bodyHTML, topic.relatedTopics) = ("<p>Trade.</p>", "<p>More.</p>", [("war", 2)])
        let resolved = try #require(loaded.replacing(speakers: [speaker], topics: [topic]))
        let folder = site.root.appendingPathComponent("cache")
        let warning = Diagnostic(.warning, "a warning", at: SourceLocation(path: "Content/documents/doc-1.md", line: 2, column: 3))
        SiteSnapshot(site: resolved, warnings: [warning], pageCount: 40, key: "the key").save(to: folder)
        var read = try #require(SiteSnapshot.read(from: folder))
        #expect(read.key == "the key" && read.warnings == [warning] && read.pageCount == 40)
        #expect(read.documents.map(\.path) == resolved.documents.map(\.sourcePath))
        #expect(read.documents.map(\.related) == resolved.documents.map(\.relatedIDs))
        #expect(read.documents.map(\.contentKey) == resolved.documents.map(\.contentKey))
        #expect(String(reflecting: read.speakers) == String(reflecting: resolved.speakers))
        #expect(String(reflecting: read.topics) == String(reflecting: resolved.topics))
        #expect(String(reflecting: read.collections) == String(reflecting: resolved.collections))
        #expect(read.staticFiles.map(\.outputPath) == resolved.staticFiles.map(\.outputPath))
        // A quick build's save appends a document and the key; read back, they replace the earlier ones.
        let file = folder.appendingPathComponent(SiteSnapshot.fileName)
        let sizeBefore = try Data(contentsOf: file).count
        read.documents[2].contentKey = 42
        read.key = "the next key"
        read.save(to: folder, changed: [read.documents[2].path])
        let appended = try Data(contentsOf: file)
        #expect(appended.count > sizeBefore && appended.count < sizeBefore + 200)
        let again = try #require(SiteSnapshot.read(from: folder))
        #expect(again.key == "the next key" && again.documents == read.documents)
        // Cut short anywhere, it is not read at all.
        for cut in [appended.count - 1, sizeBefore + 3, appended.count / 2, SiteSnapshot.header.count + 3] {
            try appended.prefix(cut).write(to: file)
            #expect(SiteSnapshot.read(from: folder) == nil, "cut at \(cut)")
        }
    }
}
