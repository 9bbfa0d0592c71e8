import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

/// A speaker file's edit reads again only the documents whose reading it changes: those that declare the speaker,
/// and only when its name, family name or aliases (which turn labels are matched against) changed; a biography,
/// role or date edit reads none. Whatever was read, `scholia build` and `scholia serve` give a clean build's bytes.
@Suite struct SpeakerEditTests {
    static func speaker(given: String, family: String, aliases: [String] = [], bio: String = "A biography.") -> String {
        "---\ngiven: \(given)\nfamily: \(family)\n" + (aliases.isEmpty ? "" : "aliases: [\(aliases.joined(separator: ", "))]\n")
            + "roles:\n  - title: Minister of Trade\n    from: 1950\n---\n\(bio)\n"
    }

    static func document(_ title: String, speakers: [String], type: String = "speech", body: String) -> String {
        let declared = speakers.isEmpty ? "" : "speakers:\n" + speakers.map { "  - id: \($0)\n" }.joined()
        return "---\ntitle: \(title)\ndate: 1953-04-0\(title.count % 9 + 1)\ntype: \(type)\n\(declared)---\n\n\(body)\n"
    }

    static func files() -> [String: String] {
        [
            "site.yml": "title: Speakers\nbase_url: https://example.org/\n",
            "Content/speakers/ada-byron.md": speaker(given: "Ada", family: "Byron"),
            "Content/speakers/ben-okri.md": speaker(given: "Ben", family: "Okri"),
            "Content/documents/doc-1.md": document("One", speakers: ["ada-byron"], body: "BYRON: It was a long day.\n\nTHE CHAIR: Order, order."),
            "Content/documents/doc-2.md": document("Two", speakers: ["ben-okri"], body: "OKRI: Indeed.\n\nTHE CHAIR: Thank you."),
            "Content/documents/doc-3.md": document("Three", speakers: ["ben-okri", "ada-byron"], body: "OKRI: Well.\n\nBYRON: Quite so."),
            // A declared speaker with no file: a file that comes later names it, and may give it aliases.
            "Content/documents/doc-4.md": document("Four", speakers: ["chen-wei"], body: "WEI: Hello.\n\nTHE CHAIR: Next."),
            "Content/documents/doc-5.md": document("Five", speakers: [], body: "THE CHAIR: Nobody is declared here."),
            "Content/documents/archive/doc-6.md": document("Six", speakers: ["ada-byron"], type: "letter", body: "Dear Sir,\n\nTHE CHAIR: a letter."),
        ]
    }

    static let declaringAda: Set = ["Content/documents/doc-1.md", "Content/documents/doc-3.md", "Content/documents/archive/doc-6.md"]

    static func write(_ text: String, to path: String, in root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    /// The documents the next `scholia build` reads anew: a load with the documents cache and the stamps the last one left.
    static func readAnew(_ root: URL) -> Set<String> {
        let folder = root.appendingPathComponent(BuildCache.folderName)
        let cache = DocumentCache.read(from: folder)
        let (_, diagnostics) = ContentLoader(siteDirectory: root, includeDrafts: false, cache: cache, stamps: FileStamps.read(from: folder)).load()
        #expect(!diagnostics.hasErrors)
        #expect(Set(cache.storedPaths).count == cache.storedPaths.count)
        return Set(cache.storedPaths)
    }

    /// The turn of doc-N whose label is `label`, in a clean load of the site.
    static func turn(_ label: String, of id: String, _ options: BuildOptions) throws -> TranscriptTurn {
        let site = try #require(SiteBuilder.loadSite(options).0)
        let document = try #require(site.document(id))
        return try #require(document.transcript.turns.first { $0.label == label }, "\(id) has no turn \(label)")
    }

    static func page(_ path: String, _ options: BuildOptions) throws -> String {
        try String(contentsOf: options.output.appendingPathComponent(path), encoding: .utf8)
    }

    static func expectCleanBytes(_ options: BuildOptions, _ context: String) throws {
        let full = try SiteBuilder.render(options)
        IncrementalBuildTests.expectSame(try IncrementalBuildTests.files(in: options.output),
                                         try IncrementalBuildTests.files(full.files, full.copies), context)
    }

    @Test func aBiographyEditReadsNoDocumentAgain() throws {
        let site = try TestSite(Self.files())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        #expect(Self.readAnew(site.root).isEmpty)
        let documentPage = try Self.page("documents/doc-1/index.html", options)
        // The biography, and the roles: what the speaker's page shows, not what a document is read with.
        try Self.write(Self.speaker(given: "Ada", family: "Byron", bio: "A new biography, with more to it.")
                           .replacingOccurrences(of: "Minister of Trade", with: "Minister of Peace"),
                       to: "Content/speakers/ada-byron.md", in: site.root)
        #expect(Self.readAnew(site.root).isEmpty)
        let report = try SiteBuilder.build(options)
        #expect(report.updatedInPlace)
        try Self.expectCleanBytes(options, "biography")
        #expect(try Self.page("speakers/ada-byron/index.html", options).contains("A new biography, with more to it."))
        // The document's page does not show the biography: it was not made again, and its bytes are as they were.
        #expect(try Self.page("documents/doc-1/index.html", options) == documentPage)
    }

    @Test func aRenameReadsExactlyTheDocumentsThatDeclareTheSpeaker() throws {
        let site = try TestSite(Self.files())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        try Self.write(Self.speaker(given: "Augusta", family: "Byron"), to: "Content/speakers/ada-byron.md", in: site.root)
        #expect(Self.readAnew(site.root) == Self.declaringAda)
        _ = try SiteBuilder.build(options)
        try Self.expectCleanBytes(options, "given name")
        for id in ["doc-1", "doc-3"] {
            #expect(try Self.page("documents/\(id)/index.html", options).contains("Augusta Byron"), "\(id)")
        }
        // The build stored what it read: the next reads nothing.
        #expect(Self.readAnew(site.root).isEmpty)

        // A new family name: "BYRON:" no longer names her, and her turns in doc-1 are someone else's.
        #expect(try Self.turn("BYRON", of: "doc-1", options).speakerID == "ada-byron")
        try Self.write(Self.speaker(given: "Augusta", family: "Lovelace"), to: "Content/speakers/ada-byron.md", in: site.root)
        #expect(Self.readAnew(site.root) == Self.declaringAda)
        _ = try SiteBuilder.build(options)
        try Self.expectCleanBytes(options, "family name")
        #expect(try Self.turn("BYRON", of: "doc-1", options).speakerID == "byron")
    }

    @Test func aNewAliasGivesTheDeclaringDocumentsTheirTurnsAfterAnIncrementalBuild() throws {
        let site = try TestSite(Self.files())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        let before = try Self.page("documents/doc-1/index.html", options)
        #expect(try Self.turn("THE CHAIR", of: "doc-1", options).isDeclaredSpeaker == false)

        try Self.write(Self.speaker(given: "Ada", family: "Byron", aliases: ["THE CHAIR"]), to: "Content/speakers/ada-byron.md", in: site.root)
        #expect(Self.readAnew(site.root) == Self.declaringAda)
        let report = try SiteBuilder.build(options)
        #expect(report.updatedInPlace)
        try Self.expectCleanBytes(options, "alias added")
        let turn = try Self.turn("THE CHAIR", of: "doc-1", options)
        #expect(turn.speakerID == "ada-byron" && turn.isDeclaredSpeaker)
        #expect(try Self.page("documents/doc-1/index.html", options) != before)
        // A document that does not declare her keeps its own "THE CHAIR".
        #expect(try Self.turn("THE CHAIR", of: "doc-2", options).speakerID == "the-chair")

        // A speaker file that comes: the document that declared the speaker without one is read again, alone.
        try Self.write(Self.speaker(given: "Chen", family: "Wei", aliases: ["THE CHAIR"]), to: "Content/speakers/chen-wei.md", in: site.root)
        #expect(Self.readAnew(site.root) == ["Content/documents/doc-4.md"])
        _ = try SiteBuilder.build(options)
        try Self.expectCleanBytes(options, "file added")
        #expect(try Self.turn("THE CHAIR", of: "doc-4", options).speakerID == "chen-wei")

        // And one that goes.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/speakers/ada-byron.md"))
        #expect(Self.readAnew(site.root) == Self.declaringAda)
        _ = try SiteBuilder.build(options)
        try Self.expectCleanBytes(options, "file removed")
        #expect(try Self.turn("THE CHAIR", of: "doc-1", options).speakerID == "the-chair")
    }

    /// `scholia serve`: each speaker save reads again only the documents it must (from the last plan when the file was
    /// there before and still is), and the session's pages are a clean build's.
    @Test func speakerSavesInServeGiveTheBytesOfAFullBuild() throws {
        let site = try TestSite(Self.files())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        try TextEditPlanTests.expectFullBuildBytes(session, options, "start")
        #expect(session.documentsRead.count == 6)
        let speakerPath = "Content/speakers/ada-byron.md"
        let saves: [(String, () throws -> Void, Set<String>)] = [
            ("biography", { try Self.write(Self.speaker(given: "Ada", family: "Byron", bio: "Another life."), to: speakerPath, in: site.root) }, []),
            ("given name", { try Self.write(Self.speaker(given: "Augusta", family: "Byron", bio: "Another life."), to: speakerPath, in: site.root) },
             Self.declaringAda),
            ("alias", { try Self.write(Self.speaker(given: "Augusta", family: "Byron", aliases: ["THE CHAIR"]), to: speakerPath, in: site.root) },
             Self.declaringAda),
            ("family name", { try Self.write(Self.speaker(given: "Augusta", family: "Lovelace", aliases: ["THE CHAIR"]), to: speakerPath, in: site.root) },
             Self.declaringAda),
            ("new file", { try Self.write(Self.speaker(given: "Chen", family: "Wei"), to: "Content/speakers/chen-wei.md", in: site.root) },
             ["Content/documents/doc-4.md"]),
            ("file removed", { try FileManager.default.removeItem(at: site.root.appendingPathComponent(speakerPath)) }, Self.declaringAda),
        ]
        for (name, save, expected) in saves {
            let before = session.documentsRead.count, quickBefore = session.quickPlanCount
            try save()
            try TextEditPlanTests.expectFullBuildBytes(session, options, name)
            let read = session.documentsRead.dropFirst(before)
            #expect(read.count == expected.count && Set(read) == expected, "\(name): read \(read)")
            // A change of the speaker's file is planned from the last plan (`TextEdits`); a file that comes or goes, in full.
            #expect((session.quickPlanCount > quickBefore) == !["new file", "file removed"].contains(name), "\(name)")
        }
        // The turns the served site gives are those of the last save: "THE CHAIR" is nobody's once her file is gone.
        let page = try #require(try session.plan().data(at: "documents/doc-1/index.html"))
        #expect(String(decoding: page, as: UTF8.self).contains("Order, order."))
    }
}
