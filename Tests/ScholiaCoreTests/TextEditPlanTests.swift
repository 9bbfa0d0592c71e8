import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaRender
@testable import ScholiaCore

/// `scholia serve`'s quick path (`TextEdits`): a save that changed only documents' text is planned from the last plan,
/// and gives exactly the bytes of a full build; a change that any other page shows is planned in full.
@Suite struct TextEditPlanTests {
    static func append(_ text: String, to number: Int, in root: URL) throws {
        let url = root.appendingPathComponent("Content/documents/doc-\(number).md")
        try (try String(contentsOf: url, encoding: .utf8) + "\n\(text)\n").write(to: url, atomically: false, encoding: .utf8)
    }

    static func replace(_ old: String, with new: String, in path: String, _ root: URL) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static func expectFullBuildBytes(_ session: SiteSession, _ options: BuildOptions, _ context: String) throws {
        let full = try SiteBuilder.render(options)
        let served = try session.render()
        IncrementalBuildTests.expectSame(try IncrementalBuildTests.files(served.files, served.copies),
                                         try IncrementalBuildTests.files(full.files, full.copies), context)
        // The documents read by the quick path are read as the whole site's load reads them.
        let loaded = try #require(SiteBuilder.loadSite(options).0)
        for document in loaded.documents { #expect(served.site.document(document.id)?.contentKey == document.contentKey, "\(context): \(document.id)") }
    }

    /// A site of the editor of `seed` and a preview session on it, whose first plan has the bytes of a full build. The
    /// caller removes the site.
    static func startedSession(seed: UInt64) throws -> (editor: SiteEditor, site: TestSite, options: BuildOptions, session: SiteSession) {
        let editor = SiteEditor(seed: seed)
        let site = try TestSite(editor.initialFiles())
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        do { try expectFullBuildBytes(session, options, "start") } catch {
            site.remove()
            throw error
        }
        return (editor, site, options, session)
    }

    /// A text save that keeps the index's average length: the quick plan updates the last plan's search index from
    /// its files in memory, as a build updates the last build's, and the files are a full build's.
    @Test func aTextSaveUpdatesTheLastPlansSearchIndex() throws {
        let (_, site, options, session) = try Self.startedSession(seed: 4)
        defer { site.remove() }
        #expect(!session.searchIndexWasUpdated)
        for (round, (old, new)) in [("long day", "good day"), ("good day", "fine day")].enumerated() {
            let url = site.root.appendingPathComponent("Content/documents/doc-2.md")
            try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
            let before = session.quickPlanCount
            try Self.expectFullBuildBytes(session, options, "round \(round)")
            #expect(session.quickPlanCount == before + 1 && session.searchIndexWasUpdated, "round \(round)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func textEditsArePlannedQuicklyWithTheBytesOfAFullBuild(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (editor, site, options, session) = try Self.startedSession(seed: seed)
        defer { site.remove() }
        for round in 1...6 {
            // One document, or two at once; the pages of the last plan are rendered (so taken over) or not.
            let numbers = Set((0..<Int.random(in: 1...2, using: &random)).map { _ in editor.documents.randomElement(using: &random)! })
            for number in numbers { try Self.append("More words, round \(round), \(Int.random(in: 0...999, using: &random)).", to: number, in: site.root) }
            let before = session.quickPlanCount
            try Self.expectFullBuildBytes(session, options, "seed \(seed), round \(round), documents \(numbers.sorted())")
            #expect(session.quickPlanCount == before + 1, "seed \(seed), round \(round)")
        }
    }

    /// Each of these changes what other pages show of the document (neighbours, lists, speaker and topic pages), changes
    /// a reading list's documents, or adds or removes a file: the full plan must make it, and its bytes are a full build's.
    @Test func changesOtherPagesShowArePlannedInFull() throws {
        let (editor, site, options, session) = try Self.startedSession(seed: 5)
        defer { site.remove() }
        let root = site.root
        let edits: [(String, () throws -> Void)] = [
            ("title", { try Self.replace("title: Document 3 version 0", with: "title: A New Title", in: "Content/documents/doc-3.md", root) }),
            ("summary", { try Self.replace("summary: The summary of document 4", with: "summary: Another summary of 4", in: "Content/documents/doc-4.md", root) }),
            ("role", { try Self.replace("role: Minister of Trade", with: "role: Minister of Peace", in: "Content/documents/doc-5.md", root) }),
            ("date", { try Self.replace("date: 195", with: "date: 196", in: "Content/documents/doc-6.md", root) }),
            ("reading list note", { try Self.replace("note: Read 2.", with: "note: Read 2 twice.", in: "Content/collections/week-1.md", root) }),
            ("new document", { try Data(editor.document(40, version: 0).utf8).write(to: root.appendingPathComponent("Content/documents/doc-40.md")) }),
            ("removed document", { try FileManager.default.removeItem(at: root.appendingPathComponent("Content/documents/doc-40.md")) }),
        ]
        for (name, edit) in edits {
            try edit()
            let before = session.quickPlanCount
            try Self.expectFullBuildBytes(session, options, name)
            #expect(session.quickPlanCount == before, "\(name) was planned as a text edit")
        }
        // The name a speaker without a file takes from the newest document that names it: renamed in all of them at once.
        let naming = editor.documents.filter { number in
            (try? String(contentsOf: root.appendingPathComponent("Content/documents/doc-\(number).md"), encoding: .utf8))?.contains("name: Dora Maar") == true
        }
        #expect(!naming.isEmpty, "no document names Dora Maar")
        for number in naming { try Self.replace("name: Dora Maar", with: "name: Dora Markovic", in: "Content/documents/doc-\(number).md", root) }
        let before = session.quickPlanCount
        try Self.expectFullBuildBytes(session, options, "a file-less speaker's name")
        #expect(session.quickPlanCount == before)
    }

    /// A speaker's biography, a topic's and a reading list's text are shown by their own page only: a save of one (alone,
    /// or with a document's text) plans those pages again from the last plan, and the bytes are a full build's.
    @Test func aBiographyTopicOrReadingListTextSaveIsPlannedQuickly() throws {
        let (_, site, options, session) = try Self.startedSession(seed: 7)
        defer { site.remove() }
        let root = site.root
        let saves: [(String, () throws -> Void, String, String)] = [
            ("biography", { try Self.replace("Biography, version 0.", with: "Born in London in 1815.", in: "Content/speakers/ada-byron.md", root) },
             "speakers/ada-byron/index.html", "Born in London in 1815."),
            ("topic text", { try Self.replace("About trade.", with: "Tariffs and *treaties*.", in: "Content/topics/trade.md", root) },
             "topics/trade/index.html", "Tariffs and <em>treaties</em>."),
            ("reading list text", { try Self.replace("Read these.", with: "Read these before **Monday**.", in: "Content/collections/week-1.md", root) },
             "collections/week-1/index.html", "Read these before <strong>Monday</strong>."),
            ("biography and document text", {
                try Self.replace("Born in London in 1815.", with: "Mathematician.", in: "Content/speakers/ada-byron.md", root)
                try Self.append("A sentence added.", to: 2, in: root)
            }, "speakers/ada-byron/index.html", "Mathematician."),
        ]
        for (name, save, path, shown) in saves {
            try save()
            let before = session.quickPlanCount
            let page = try #require(try session.plan().data(at: path), "\(name)")
            #expect(String(decoding: page, as: UTF8.self).contains(shown), "\(name)")
            #expect(session.quickPlanCount == before + 1, "\(name) was planned in full")
            try Self.expectFullBuildBytes(session, options, name)
        }
    }

    /// A speaker's name, aliases, roles or dates and a topic's title or summary show on lists and on the pages of the
    /// documents that name them: a save of one is planned from the last plan all the same (every list, those documents'
    /// pages, the documents that declare a renamed speaker read again), and the bytes are a full build's.
    @Test func aSpeakersNameOrATopicsTitleIsPlannedQuickly() throws {
        let (editor, site, options, session) = try Self.startedSession(seed: 5)
        defer { site.remove() }
        let root = site.root
        let declaringAda = editor.documents.filter { number in
            (try? String(contentsOf: root.appendingPathComponent("Content/documents/doc-\(number).md"), encoding: .utf8))?.contains("id: ada-byron") == true
        }.map { "Content/documents/doc-\($0).md" }
        #expect(!declaringAda.isEmpty)
        let saves: [(String, () throws -> Void, Set<String>, (path: String, shown: String)?)] = [
            // "Ada Byron" becomes "Ada Zweig", and moves to the end of the list of speakers; "BYRON:" is no longer hers.
            ("speaker's family name", { try Self.replace("family: Byron", with: "family: Zweig", in: "Content/speakers/ada-byron.md", root) },
             Set(declaringAda), ("speakers/index.html", "Ada Zweig")),
            ("speaker's given name and aliases", { try Self.replace("given: Ada", with: "given: Augusta Ada\naliases: [THE CHAIR]",
                                                                    in: "Content/speakers/ada-byron.md", root) },
             Set(declaringAda), ("\(declaringAda[0].dropFirst("Content/".count).dropLast(3))/index.html", "Augusta Ada Zweig")),
            ("speaker's born", { try Self.replace("---\nBiography", with: "born: 1815\n---\nBiography", in: "Content/speakers/ada-byron.md", root) },
             [], ("speakers/ada-byron/index.html", "1815")),
            ("topic title", { try Self.replace("title: Trade", with: "title: Commerce", in: "Content/topics/trade.md", root) },
             [], ("topics/index.html", "Commerce")),
            ("topic title and a document's text", {
                try Self.replace("title: Commerce", with: "title: Zollverein", in: "Content/topics/trade.md", root)
                try Self.append("A sentence added.", to: 2, in: root)
            }, ["Content/documents/doc-2.md"], ("topics/trade/index.html", "Zollverein")),
        ]
        for (name, save, read, page) in saves {
            try save()
            let before = session.quickPlanCount, readBefore = session.documentsRead.count
            if let page {
                let data = try #require(try session.plan().data(at: page.path), "\(name): no \(page.path)")
                #expect(String(decoding: data, as: UTF8.self).contains(page.shown), "\(name)")
            }
            #expect(session.quickPlanCount == before + 1, "\(name) was planned in full")
            #expect(Set(session.documentsRead.dropFirst(readBefore)) == read, "\(name)")
            try Self.expectFullBuildBytes(session, options, name)
        }
    }

    /// Speaker and topic files written again at random (names, aliases, titles, summaries, biographies), alone or with a
    /// document's text: each save is planned from the last plan, and its bytes are a full build's.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func speakerAndTopicSavesArePlannedQuicklyWithTheBytesOfAFullBuild(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (editor, site, options, session) = try Self.startedSession(seed: seed)
        defer { site.remove() }
        for round in 1...8 {
            var saved: [String] = []
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    let id = editor.speakers.prefix(3).randomElement(using: &random)!
                    try Data(editor.speaker(id, version: Int.random(in: 0...5, using: &random)).utf8)
                        .write(to: site.root.appendingPathComponent("Content/speakers/\(id).md"))
                    saved.append(id)
                case 1:
                    let id = editor.topics.prefix(3).randomElement(using: &random)!
                    let version = Int.random(in: 0...5, using: &random)
                    try Data("---\ntitle: \(["Zeta", "Alpha", id.capitalized][version % 3]) \(version)\nsummary: Version \(version).\n---\nAbout \(id).\n".utf8)
                        .write(to: site.root.appendingPathComponent("Content/topics/\(id).md"))
                    saved.append(id)
                default:
                    let number = editor.documents.randomElement(using: &random)!
                    try Self.append("More words, round \(round).", to: number, in: site.root)
                    saved.append("doc-\(number)")
                }
            }
            let before = session.quickPlanCount
            let planned = try session.plan()
            #expect(session.quickPlanCount == before + 1, "seed \(seed), round \(round), saved \(saved)")
            // The pages of the last plan are rendered (so taken over) or not.
            if Bool.random(using: &random) { _ = planned.data(at: "index.html") }
            try Self.expectFullBuildBytes(session, options, "seed \(seed), round \(round), saved \(saved)")
        }
    }

    /// A second save of the same size within the clock tick of the last plan leaves the file's stamp as it was: the
    /// file's bytes are compared then.
    @Test func aSaveOfTheSameSizeRightAfterAPlanIsSeen() throws {
        let editor = SiteEditor(seed: 6)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        _ = try session.render()
        for word in ["LONG", "long", "Long"] {
            let url = site.root.appendingPathComponent("Content/documents/doc-2.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = text.replacingOccurrences(of: "It was a long day.", with: "It was a \(word) day.", options: .caseInsensitive)
            // Written in place: same inode, same size.
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data(changed.utf8))
            try handle.close()
            let page = try #require(try session.plan().data(at: "documents/doc-2/index.html"))
            #expect(String(decoding: page, as: UTF8.self).contains("It was a \(word) day."), "\(word)")
        }
    }
}
