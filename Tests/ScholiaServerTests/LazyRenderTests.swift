import Foundation
import ScholiaModel
import ScholiaCore
import Testing
@testable import ScholiaServer

/// The preview answers from a planned build, rendering each page when first asked for while the background
/// renders the pages a save changed and the search index, and no other page. These drive the builder directly (a save is a file written and the next `build()`), so
/// that the background render can be held back and what was rendered can be counted.
@Suite struct LazyRenderTests {
    /// The builder and the snapshot store it publishes to, as `PreviewServer` wires them.
    struct Preview {
        let store = SnapshotStore()
        let background: BackgroundRenderer
        let builder: PreviewBuilder

        init(_ site: FixtureSite, held: Bool) {
            background = BackgroundRenderer(held: held)
            builder = PreviewBuilder(options: BuildOptions(siteDirectory: site.root), store: store,
                                     broadcaster: ReloadBroadcaster(), background: background)
        }

        func build() async throws -> SiteSnapshot {
            let outcome = await builder.build()
            guard case .built = outcome else { throw Failed(outcome: outcome) }
            return store.current
        }

        struct Failed: Error { let outcome: BuildOutcome }
    }

    /// A site of `count` letters besides the fixture's two, a speaker, a reading list, a static file and a note.
    static func site(letters count: Int) throws -> FixtureSite {
        var extra = ["Content/speakers/ada.md": "---\nname: Ada Byron\n---\nA speaker.\n",
                     "Content/collections/week.md": "---\ntitle: Week\ndocuments:\n  - id: first\n  - id: second\n---\nRead these.\n",
                     "Content/static/robots.txt": "User-agent: *\n"]
        for number in 1...count {
            extra["Content/documents/letter-\(number).md"] = "---\ntitle: Letter \(number)\ndate: 1950-01-\(10 + number % 18)\nspeakers: [ada]\n---\n\nADA: Text of letter \(number).\n"
        }
        extra["Content/documents/letter-1.md"] = "---\ntitle: Letter 1\ndate: 1950-01-11\nspeakers: [ada]\nannotations:\n  - quote: Text of letter\n    note: A note.\n---\n\nADA: Text of letter 1.\n"
        return try FixtureSite(extra: extra)
    }

    /// What `scholia build` writes for the site as it is now (into a folder outside it).
    static func built(_ site: FixtureSite) throws -> [String: Data] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-built-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try SiteBuilder.build(BuildOptions(siteDirectory: site.root, outputDirectory: output))
        var files: [String: Data] = [:]
        // The build's list of what it wrote (`.scholia-manifest`) is its own record, not a file of the site.
        for path in FileTree.listFiles(under: output.path) where path != ".scholia-manifest" {
            files[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return files
    }

    /// A served file's bytes without the preview's script, which HTML pages carry and the build's files do not.
    static func unserved(_ file: ServedFile, _ snapshot: SiteSnapshot) -> Data {
        let bytes = Data(file.body.readableBytesView)
        guard file.contentType == ContentType.html else { return bytes }
        let script = PreviewInjection.script(basePath: snapshot.basePath, generation: snapshot.generation)
        return Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: script, with: "").utf8)
    }

    /// Every file of the build, asked for one by one, against what `scholia build` wrote.
    static func expectServed(_ snapshot: SiteSnapshot, are expected: [String: Data], _ context: String) {
        for (path, data) in expected {
            let served = snapshot.files[path].map { unserved($0, snapshot) }
            #expect(served == data, "\(path), \(context)")
        }
        // No more files than the build's (the search index's are counted once planned, as they now are).
        #expect(snapshot.files.count == expected.count, "\(context)")
    }

    /// Waits until the background render is done: the pages the save changed and the search index.
    static func waitUntilRendered(_ pages: PlannedSite) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while !pages.isBackgroundRendered, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(pages.isBackgroundRendered)
    }

    @Test func aPageIsServedBeforeTheSearchIndexIsRenderedAndNoOtherPageIsMade() async throws {
        let site = try Self.site(letters: 20)
        defer { site.remove() }
        let expected = try Self.built(site)
        let preview = Preview(site, held: true)
        let snapshot = try await preview.build()
        let pages = try #require(snapshot.files.planned)
        #expect(pages.renderedJobCount == 0 && pages.jobCount > 22)

        let page = try #require(snapshot.files["documents/letter-7/index.html"])
        #expect(Self.unserved(page, snapshot) == expected["documents/letter-7/index.html"])
        #expect(pages.renderedJobCount == 1)
        // Asking whether a file exists (for a folder's redirect) renders nothing.
        #expect(snapshot.files.contains("documents/letter-8/index.html") && pages.renderedJobCount == 1)

        let pageJobs = pages.jobCount
        preview.background.release()
        try await Self.waitUntilRendered(pages)
        // The background made the search index (planned now), and no page that was not asked for.
        #expect(pages.jobCount > pageJobs && pages.renderedJobCount == 1 + pages.jobCount - pageJobs)
    }

    /// With nothing rendered in the background, every file is made by its request: the lazy path alone.
    @Test func everyFileRenderedOnRequestIsWhatTheBuildWrites() async throws {
        let site = try Self.site(letters: 5)
        defer { site.remove() }
        let expected = try Self.built(site)
        // Every kind of file is there: pages, downloads, a note's annotations, the search index, copies.
        for path in ["documents/letter-1/annotations.jsonld", "collections/week/bibliography.ris", "search/docs/0.json", "robots.txt", "favicon.ico"] {
            #expect(expected[path] != nil, "\(path)")
        }
        let preview = Preview(site, held: true)
        let snapshot = try await preview.build()
        Self.expectServed(snapshot, are: expected, "rendered on request")
        #expect(snapshot.files["documents/letter-1/nothing.html"] == nil)
    }

    /// A save before the background render of the served build has begun: the new build is served, its
    /// unchanged pages are those already rendered, and the superseded build is never rendered in the background.
    @Test func aSaveSupersedesTheBuildWhoseBackgroundRenderHasNotRun() async throws {
        let site = try Self.site(letters: 20)
        defer { site.remove() }
        let preview = Preview(site, held: true)
        let first = try await preview.build()
        let firstPages = try #require(first.files.planned)
        let before = try #require(first.files["documents/second/index.html"])
        _ = first.files["documents/letter-3/index.html"]

        // A new title shows on other pages: the site is planned in full (a text-only save is `aTextSaveSharesTheOtherPages`).
        try site.write("Content/documents/second.md", FixtureSite.document(title: "Second Letter, Revised", text: "Saved during the render."))
        let second = try await preview.build()
        #expect(second.generation == 2)
        let secondPages = try #require(second.files.planned)
        let after = try #require(second.files["documents/second/index.html"])
        #expect(String(decoding: after.body.readableBytesView, as: UTF8.self).contains("Saved during the render."))
        #expect(after.etag != before.etag)

        preview.background.release()
        try await Self.waitUntilRendered(secondPages)
        #expect(firstPages.renderedJobCount == 2)
        Self.expectServed(second, are: try Self.built(site), "after the save")
    }

    /// A save that changed only a document's text: the new build shares the served build's other pages (those
    /// rendered stay rendered, nothing else is planned or rendered), and is, once whole, what `scholia build` writes.
    @Test func aTextSaveSharesTheOtherPages() async throws {
        let site = try Self.site(letters: 20)
        defer { site.remove() }
        let preview = Preview(site, held: true)
        let first = try await preview.build()
        let before = try #require(first.files["documents/second/index.html"])
        _ = first.files["documents/letter-3/index.html"]

        try site.write("Content/documents/second.md", FixtureSite.document(title: "Second Letter", text: "Only the text changed."))
        let second = try await preview.build()
        let secondPages = try #require(second.files.planned)
        // letter-3's page is the first build's; the saved document's is not rendered until asked for.
        #expect(secondPages.renderedJobCount == 1)
        let after = try #require(second.files["documents/second/index.html"])
        #expect(String(decoding: after.body.readableBytesView, as: UTF8.self).contains("Only the text changed."))
        #expect(after.etag != before.etag)
        #expect(secondPages.renderedJobCount == 2)

        preview.background.release()
        try await Self.waitUntilRendered(secondPages)
        Self.expectServed(second, are: try Self.built(site), "after the save")
    }

    /// The background render running while pages are asked for and a save comes: requests holding the first
    /// build get its bytes (rendered before or after the save), the newest build is served once published, and
    /// both end up whole and equal to `scholia build`'s, with no request left waiting. The save renames the
    /// speaker, which every page read from the files at planning time; a document's transcript, when its
    /// document came from the last build's cache, is read from its file when its page is rendered, as in
    /// `scholia build`, so a request holding an older build could see a newer transcript.
    @Test func requestsAndASaveDuringTheBackgroundRender() async throws {
        let site = try Self.site(letters: 150)
        defer { site.remove() }
        let firstExpected = try Self.built(site)
        let preview = Preview(site, held: false)
        let first = try await preview.build()
        let requests = Task { Self.expectServed(first, are: firstExpected, "first build, during the render") }

        try site.write("Content/speakers/ada.md", "---\nname: Ada Lovelace\n---\nRenamed during the render.\n")
        let second = try await preview.build()
        #expect(preview.store.current.generation == 2)
        let page = try #require(second.files["documents/letter-75/index.html"])
        #expect(String(decoding: page.body.readableBytesView, as: UTF8.self).contains("Ada Lovelace"))
        await requests.value

        try await Self.waitUntilRendered(try #require(second.files.planned))
        Self.expectServed(second, are: try Self.built(site), "second build")
    }
}

extension LivePreview {
    @Suite struct LazyServing {
        /// Through HTTP, with the background render racing the requests: every file `scholia build` writes, byte for byte.
        @Test func everyServedFileIsWhatScholiaBuildWrites() async throws {
            let site = try LazyRenderTests.site(letters: 30)
            let expected = try LazyRenderTests.built(site)
            try await RunningPreview.with(site) { site, preview in
                let script = PreviewInjection.script(basePath: "/", generation: 1)
                for (path, data) in expected {
                    let reply = try await preview.get("/" + path)
                    #expect(reply.status == 200, "\(path)")
                    let body = ContentType.of(path) == ContentType.html ? Data(reply.text.replacingOccurrences(of: script, with: "").utf8) : reply.body
                    #expect(body == data, "\(path)")
                }
            }
        }
    }
}
