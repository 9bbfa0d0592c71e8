import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// An incremental build must give exactly the bytes of a full build. A small site goes through random
/// edits (documents, speakers, topics, a reading list, templates, `site.yml`; added, changed, renamed,
/// deleted, and some that break the build); after each, three builds must agree file for file:
/// a clean render, `serve`'s session (in memory) and `scholia build` into a folder (pages kept on disk).
@Suite struct IncrementalBuildTests {
    @Test(arguments: ProcessInfo.processInfo.environment["SCHOLIA_EDIT_SEEDS"].map { Array(1...UInt64($0)!) } ?? [1, 2, 3, 4, 5])
    func randomEditsGiveTheBytesOfAFullBuild(seed: UInt64) throws {
        var editor = SiteEditor(seed: seed)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        var history: [String] = ["start"]
        var keptSome = false, laterBuilds = 0, modes: Set<Bool> = [], indexUpdates = 0
        for step in 0..<24 {
            if step > 0 { history.append(try editor.edit(site.root)) }
            let context = "seed \(seed), after: \(history.joined(separator: "; "))"
            let full: [String: Data]
            do {
                let rendered = try SiteBuilder.render(options)
                full = try Self.files(rendered.files, rendered.copies)
            } catch let failure as ContentErrors {
                // A broken site breaks every kind of build the same way, and the next good build recovers.
                #expect(throws: ContentErrors.self, "\(context)") { try session.render() }
                #expect(throws: ContentErrors.self, "\(context)") { try SiteBuilder.build(options) }
                #expect(!failure.diagnostics.isEmpty)
                continue
            }
            let incremental = try session.render()
            Self.expectSame(try Self.files(incremental.files, incremental.copies), full, "session, \(context)")
            let report = try SiteBuilder.build(options)
            Self.expectSame(try Self.files(in: options.output), full, "build, \(context)")
            if step > 0 { laterBuilds += 1; modes.insert(report.updatedInPlace) }
            if report.searchIndexUpdated { indexUpdates += 1 }
            if step > 0, !report.unchanged, report.renderedFileCount < report.fileCount { keptSome = true }
        }
        // The test means something only if later builds did keep pages.
        #expect(keptSome || laterBuilds < 3, "seed \(seed)")
        // Both ways of writing were taken: in place (a few documents changed) and a new folder (the theme or settings changed).
        #expect(modes.count == 2 || laterBuilds < 8, "seed \(seed): \(modes)")
        // And the search index was updated from the last build's, not only planned whole.
        #expect(indexUpdates > 0 || laterBuilds < 8, "seed \(seed): \(indexUpdates) index updates")
    }

    @Test func oneChangedDocumentRendersOnlyThePagesThatShowIt() throws {
        let editor = SiteEditor(seed: 7)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let first = try SiteBuilder.build(options)
        let searchBefore = try Self.files(in: options.output.appendingPathComponent("search"))
        let document = site.root.appendingPathComponent("Content/documents/doc-1.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        try text.replacingOccurrences(of: "It was a long day.", with: "It was a longer day.").write(to: document, atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(options)
        // The body is on the document's page only: the page and its three citation downloads are made again
        // (not the feed and the sitemap, which show no body); and of the search index, only the files
        // that changed: the document's display data, the words file of "longer" and the shard of its stem.
        let searchAfter = try Self.files(in: options.output.appendingPathComponent("search"))
        let changedSearchFiles = Set(searchAfter.keys).union(searchBefore.keys).filter { searchBefore[$0] != searchAfter[$0] }.sorted()
        #expect(changedSearchFiles.contains { $0.hasPrefix("docs/") } && changedSearchFiles.contains("words/lon.json"), "\(changedSearchFiles)")
        #expect(changedSearchFiles.count <= 4 && searchAfter.count > 10, "\(changedSearchFiles) of \(searchAfter.count)")
        #expect(second.renderedFileCount == 4 + changedSearchFiles.count, "rendered \(second.renderedFileCount) of \(first.fileCount)")
        #expect(second.updatedInPlace)
        // A deleted document's pages go, and so does its folder.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/documents/doc-5.md"))
        let third = try SiteBuilder.build(options)
        #expect(third.updatedInPlace)
        // The sitemap lists the pages: it follows a document that went.
        let sitemap = try String(contentsOf: options.output.appendingPathComponent(Routes.sitemap), encoding: .utf8)
        #expect(!sitemap.contains("documents/doc-5/") && sitemap.contains("documents/doc-3/"))
        #expect(!FileManager.default.fileExists(atPath: options.output.appendingPathComponent("documents/doc-5").path))
        #expect(FileManager.default.fileExists(atPath: options.output.appendingPathComponent("documents/doc-3/index.html").path))
    }

    @Test func aBrokenOrForeignCacheIsIgnored() throws {
        var editor = SiteEditor(seed: 11)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        let records = site.root.appendingPathComponent(".scholia-cache/pages")
        let good = try String(contentsOf: records, encoding: .utf8)
        let broken = [
            good.replacingOccurrences(of: "\t", with: "\t0", options: [], range: good.range(of: "\t")), // one field changed
            String(good.dropLast(40)),                                                                  // cut short
            good.replacingOccurrences(of: "scholia-pages", with: "scholia-pages 0.0.1 other"),         // another version
            "garbage\n",
        ]
        for (index, text) in broken.enumerated() {
            try Data(text.utf8).write(to: records)
            #expect(PageRecords.load(from: records.deletingLastPathComponent()).jobs.isEmpty, "case \(index)")
            // Change a document so that the build runs, then check it matches a clean render.
            try editor.rewrite(document: 1, in: site.root)
            _ = try SiteBuilder.build(options)
            let full = try SiteBuilder.render(options)
            Self.expectSame(try Self.files(in: options.output), try Self.files(full.files, full.copies), "case \(index)")
        }
        // The documents as read by the last build: broken or foreign, read again from their files.
        let documents = site.root.appendingPathComponent(".scholia-cache/documents")
        let stored = try Data(contentsOf: documents)
        let brokenDocuments = [stored.prefix(stored.count / 2), Data("scholia-documents 0.0.1\n{}".utf8), Data("garbage".utf8),
                               Data(String(decoding: stored, as: UTF8.self).replacingOccurrences(of: "Document 1 version", with: "Document 1 edition").utf8)]
        for (index, data) in brokenDocuments.enumerated() {
            try data.write(to: documents)
            try editor.rewrite(document: 3, in: site.root)
            _ = try SiteBuilder.build(options)
            let full = try SiteBuilder.render(options)
            Self.expectSame(try Self.files(in: options.output), try Self.files(full.files, full.copies), "documents case \(index)")
        }
        // A page edited by hand in the output is rendered again, not kept.
        try Data("edited by hand".utf8).write(to: options.output.appendingPathComponent("404.html"))
        try editor.rewrite(document: 2, in: site.root)
        _ = try SiteBuilder.build(options)
        let full = try SiteBuilder.render(options)
        Self.expectSame(try Self.files(in: options.output), try Self.files(full.files, full.copies), "hand-edited output")
    }

    static func files(_ files: [OutputFile], _ copies: [(path: String, source: URL)]) throws -> [String: Data] {
        var all: [String: Data] = [:]
        for file in files { all[file.path] = file.data }
        for copy in copies { all[copy.path] = try Data(contentsOf: copy.source) }
        return all
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var all: [String: Data] = [:]
        for path in FileTree.listFiles(under: folder.path) where path != OutputWriter.manifestName {
            all[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return all
    }

    static func expectSame(_ actual: [String: Data], _ expected: [String: Data], _ context: String) {
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        let different = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty && extra.isEmpty && different.isEmpty,
                "missing \(missing.prefix(5)), extra \(extra.prefix(5)), different \(different.prefix(5)) — \(context)")
    }
}

/// Writes a small site and edits it at random, the way an editor of an archive would.
struct SiteEditor {
    var random: SplitMix64
    /// Document numbers present; a renamed document gets a new number.
    var documents: [Int] = Array(1...8)
    var nextDocument = 9
    var version = 0
    let speakers = ["ada-byron", "ben-okri", "chen-wei", "dora-maar"]
    let topics = ["trade", "war", "treaties", "elections"]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    func initialFiles() -> [String: String] {
        var files: [String: String] = ["site.yml": "title: Test Archive\nbase_url: https://example.org/\npaginate: 3\n"]
        for number in documents { files["Content/documents/doc-\(number).md"] = document(number, version: 0) }
        for id in speakers.prefix(3) { files["Content/speakers/\(id).md"] = speaker(id, version: 0) }
        for id in topics.prefix(3) { files["Content/topics/\(id).md"] = "---\ntitle: \(id.capitalized)\n---\nAbout \(id).\n" }
        files["Content/collections/week-1.md"] = collection([1, 2, 3])
        return files
    }

    func document(_ number: Int, version: Int) -> String {
        var random = SplitMix64(seed: UInt64(number * 1000 + version))
        let people = speakers.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
        let subjects = topics.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random))
        let year = 1950 + Int.random(in: 0...4, using: &random)
        var text = "---\ntitle: Document \(number) version \(version)\ndate: \(year)-0\(Int.random(in: 1...9, using: &random))-1\(number % 10)\n"
        text += "type: \(["speech", "press-conference", "interview"][number % 3])\n"
        text += "speakers:\n" + people.map { id in
            // A speaker without a file is named by the newest document that names it: this one's name shows on other pages.
            let name = id == "dora-maar" ? "    name: Dora Maar \(["", "Picasso", "Ruiz"][version % 3])\n" : ""
            return "  - id: \(id)\n    role: Minister \(version % 2 == 0 ? "of Trade" : "of War")\n" + name
        }.joined()
        if !subjects.isEmpty { text += "topics: [\(subjects.joined(separator: ", "))]\n" }
        if version % 3 != 2 { text += "summary: The summary of document \(number), version \(version).\n" }
        if version % 2 == 1, let other = documents.first(where: { $0 != number }) {
            text += "annotations:\n  - quote: It was a long day\n    note: A note on \(number).\n    link: doc-\(other)\n    tags: [war, Elections]\n"
        }
        text += "---\n\n"
        for (index, person) in people.enumerated() {
            let family = person.split(separator: "-").last!.uppercased()
            text += "\(family): \(index == 0 ? "It was a long day." : "Indeed.") We spoke of \(subjects.joined(separator: " and ")) in \(year).\n\n"
        }
        // A speaker by an alias: whose turn it is depends on the speaker files.
        return text + "THE CHAIR: Thank you.\n"
    }

    func speaker(_ id: String, version: Int) -> String {
        let parts = id.split(separator: "-").map { $0.capitalized }
        let name = version % 3 == 1 ? parts.joined(separator: " ") : "\(parts.joined(separator: " ")) \(version)"
        let aliases = version % 2 == 1 ? "aliases: [THE CHAIR]\n" : ""
        return "---\nname: \(name)\ngiven: \(parts[0])\nfamily: \(parts[1])\n\(aliases)---\nBiography, version \(version).\n"
    }

    func collection(_ numbers: [Int]) -> String {
        "---\ntitle: Week 1\nstyle: apa\ndocuments:\n" + numbers.map { "  - id: doc-\($0)\n    note: Read \($0).\n" }.joined() + "---\nRead these.\n"
    }

    /// A new version of one document, keeping the site valid.
    mutating func rewrite(document number: Int, in root: URL) throws {
        version += 2
        try Data(document(number, version: version).utf8).write(to: root.appendingPathComponent("Content/documents/doc-\(number).md"))
    }

    /// One random edit; returns what it did.
    mutating func edit(_ root: URL) throws -> String {
        version += 1
        let write = { (path: String, text: String) in
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let remove = { (path: String) in try? FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<12:
            // The text only, not the metadata: only the document's own page can change.
            let number = documents.randomElement(using: &random)!
            let url = root.appendingPathComponent("Content/documents/doc-\(number).md")
            try (try String(contentsOf: url, encoding: .utf8) + "\nA later paragraph, \(version).\n").write(to: url, atomically: true, encoding: .utf8)
            return "text of doc-\(number)"
        case 12..<35:
            let number = documents.randomElement(using: &random)!
            try write("Content/documents/doc-\(number).md", document(number, version: version))
            return "changed doc-\(number)"
        case 35..<45:
            let number = nextDocument
            nextDocument += 1
            documents.append(number)
            try write("Content/documents/doc-\(number).md", document(number, version: version))
            return "added doc-\(number)"
        case 45..<53:
            guard documents.count > 2 else { return "nothing" }
            let index = Int.random(in: 0..<documents.count, using: &random)
            let (old, new) = (documents[index], nextDocument)
            nextDocument += 1
            documents[index] = new
            try FileManager.default.moveItem(at: root.appendingPathComponent("Content/documents/doc-\(old).md"),
                                             to: root.appendingPathComponent("Content/documents/doc-\(new).md"))
            return "renamed doc-\(old) to doc-\(new)"
        case 53..<60:
            guard documents.count > 2 else { return "nothing" }
            let number = documents.remove(at: Int.random(in: 0..<documents.count, using: &random))
            remove("Content/documents/doc-\(number).md")
            return "deleted doc-\(number)"
        case 60..<68:
            let id = speakers.randomElement(using: &random)!
            if Bool.random(using: &random) {
                // One write in three changes only the biography, which no document is read with.
                let path = "Content/speakers/\(id).md"
                if version % 3 == 0, let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8),
                   let biography = text.range(of: "Biography, version ") {
                    try write(path, String(text[..<biography.lowerBound]) + "Biography, version \(version).\n")
                    return "biography of speaker \(id)"
                }
                try write(path, speaker(id, version: version))
                return "wrote speaker \(id)"
            }
            remove("Content/speakers/\(id).md")
            return "deleted speaker \(id)"
        case 68..<75:
            let id = topics.randomElement(using: &random)!
            if Bool.random(using: &random) {
                try write("Content/topics/\(id).md", "---\ntitle: \(id.capitalized) \(version)\nsummary: Version \(version).\n---\nAbout \(id).\n")
                return "wrote topic \(id)"
            }
            remove("Content/topics/\(id).md")
            return "deleted topic \(id)"
        case 75..<82:
            // Sometimes names a document that is gone: a build error.
            let numbers = (documents + [nextDocument + 50]).shuffled(using: &random).prefix(3)
            try write("Content/collections/week-1.md", collection(Array(numbers)))
            return "reading list \(Array(numbers))"
        case 82..<91:
            let name = ["document", "base", "list", "speaker", "document-list", "types"].randomElement(using: &random)! + ".mustache"
            let path = Bool.random(using: &random) ? name : "assets/scholia.css"
            // The site's file overrides the built-in one; without it, the built-in one is used again.
            let url = root.appendingPathComponent("Templates/" + path)
            if FileManager.default.fileExists(atPath: url.path), Int.random(in: 0..<3, using: &random) == 0 {
                remove("Templates/" + path)
                return "removed Templates/\(path)"
            }
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? Theme.builtIn(path)!
            try (text + "/* edit \(version) */\n").write(to: url, atomically: true, encoding: .utf8)
            return "edited Templates/\(path)"
        default:
            let title = Bool.random(using: &random) ? "Test Archive \(version)" : "Test Archive"
            let size = Int.random(in: 2...4, using: &random)
            try write("site.yml", "title: \(title)\nbase_url: https://example.org/\npaginate: \(size)\n")
            return "site.yml \(title), \(size) a page"
        }
    }
}
