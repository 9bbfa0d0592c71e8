import Foundation
import ScholiaModel
import ScholiaCore
import Testing
@testable import ScholiaServer

/// A preview started on a site whose last `scholia build` is current answers at once from that build's output
/// (`PublishedOutput`) and plans the site after it listens; the plan then serves, and open pages do not reload
/// for it, since it makes the same files.
@Suite struct PublishedStartTests {
    static func built(_ site: FixtureSite, drafts: Bool = false) throws -> BuildOptions {
        let options = BuildOptions(siteDirectory: site.root, includeDrafts: drafts)
        _ = try SiteBuilder.build(options)
        return options
    }

    static func manifest(_ site: FixtureSite) throws -> [String] {
        try String(contentsOf: site.root.appendingPathComponent("Public/.scholia-manifest"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theLastBuildIsCurrentUntilAnInputChanges() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(PublishedOutput.current(BuildOptions(siteDirectory: site.root)) == nil)
        let options = try Self.built(site)
        let published = try #require(PublishedOutput.current(options))
        #expect(published.fileCount == (try Self.manifest(site)).count)
        #expect(published.contains("documents/first/index.html"))
        #expect(published.basePath == "/")
        // Another option makes another site: drafts would be in it.
        #expect(PublishedOutput.current(BuildOptions(siteDirectory: site.root, includeDrafts: true)) == nil)
        try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "A changed text of the first letter."))
        #expect(PublishedOutput.current(options) == nil)
        _ = try SiteBuilder.build(options)
        #expect(PublishedOutput.current(options) != nil)
        try site.write("Templates/extra.css", "body { color: red; }\n")
        #expect(PublishedOutput.current(options) == nil)
    }

    @Test func aFileGoneFromTheOutputOrAPublishLeftHalfDoneIsNotCurrent() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let options = try Self.built(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Public/documents/second/index.html"))
        #expect(PublishedOutput.current(options) == nil)
        _ = try SiteBuilder.build(options)
        #expect(PublishedOutput.current(options) != nil)
        try site.write(".scholia-cache/publishing", "scholia-publishing \(options.siteDirectory.path)/Public\n")
        #expect(PublishedOutput.current(options) == nil)
    }

    @Test func onlyTheFilesTheBuildWroteAreServedFromIt() throws {
        let site = try FixtureSite(baseURL: "https://example.org/hist210/")
        defer { site.remove() }
        let options = try Self.built(site)
        try site.write("Public/notes.txt", "not the build's\n")
        let published = try #require(PublishedOutput.current(options))
        #expect(published.basePath == "/hist210/")
        #expect(published.data(at: "notes.txt") == nil)
        #expect(published.data(at: "../site.yml") == nil)
        #expect(published.data(at: "documents/first/index.html") == FileManager.default.contents(atPath: site.root.path + "/Public/documents/first/index.html"))
        // A page of the build replaced since by a link out of the output is not followed.
        let page = site.root.appendingPathComponent("Public/documents/second/index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: site.root.path + "/site.yml")
        #expect(published.data(at: "documents/second/index.html") == nil)
    }

    @Test func theFirstPlanTakesOverFromTheOutputWithoutAReload() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let options = try Self.built(site)
        // A mark put into a built page by hand (the key is of the inputs, so the output is still current) shows where
        // the page served comes from: the output until the first plan, the plan after it.
        let page = site.root.appendingPathComponent("Public/documents/first/index.html")
        try (String(contentsOf: page, encoding: .utf8) + "<!-- from Public -->").write(to: page, atomically: true, encoding: .utf8)
        let published = try #require(PublishedOutput.current(options))
        let store = SnapshotStore(), broadcaster = ReloadBroadcaster()
        let builder = PreviewBuilder(options: options, store: store, broadcaster: broadcaster, background: BackgroundRenderer(held: true))
        let generations = broadcaster.subscribe()

        guard case .servingLastBuild(let files) = await builder.servePublished(published) else { Issue.record("not served"); return }
        #expect(files == published.fileCount)
        let early = try #require(store.current.files["documents/first/index.html"])
        #expect(String(decoding: early.body.readableBytesView, as: UTF8.self).contains("<!-- from Public -->"))
        #expect(String(decoding: early.body.readableBytesView, as: UTF8.self).contains("e.data!==\"1\""))

        guard case .built(let generation, _, _, _) = await builder.build() else { Issue.record("not built"); return }
        #expect(generation == 1)
        let planned = try #require(store.current.files["documents/first/index.html"])
        #expect(!String(decoding: planned.body.readableBytesView, as: UTF8.self).contains("<!-- from Public -->"))
        #expect(store.current.generation == 1)
        // The listener keeps the newest generation it was told: the output's, not one for the plan.
        broadcaster.finish()
        var told: [Int] = []
        for await generation in generations { told.append(generation) }
        #expect(told == [1])
    }

    @Test func aServerOnACurrentBuildAnswersFromItAndASaveStillReloads() async throws {
        let site = try FixtureSite()
        _ = try Self.built(site)
        try await RunningPreview.with(site) { site, preview in
            guard case .servingLastBuild = preview.builds.first else { Issue.record("first: \(preview.builds)"); return }
            let listener = try preview.listen()
            defer { listener.close() }
            // Saved while the site may still be planned: either that plan or the next has it, and the page is told.
            try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Saved at the start."))
            #expect(await listener.waitFor { $0 > 1 } != nil)
            #expect(try await preview.get("/documents/first/").text.contains("Saved at the start."))
            #expect(preview.builds.contains { if case .built(1, _, _, _) = $0 { true } else { false } })
        }
    }
}
