import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaRender
@testable import ScholiaCore

/// The preview's plan: every file known before any page is rendered, each page rendered when first asked for,
/// and the bytes exactly those of `scholia build`.
@Suite struct PlannedSiteTests {
    @Test func askingForOneFileRendersOnlyItsJob() throws {
        let editor = SiteEditor(seed: 3)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let full = try SiteBuilder.render(options)
        let planned = try SiteSession(options: options).plan()
        #expect(planned.renderedJobCount == 0)
        #expect(planned.contains("documents/doc-4/citation.bib") && !planned.contains("documents/doc-4/nothing.html"))

        let page = try #require(planned.data(at: "documents/doc-4/index.html"))
        #expect(page == full.files.first { $0.path == "documents/doc-4/index.html" }?.data)
        // The page's job made its citation downloads too; nothing else was rendered.
        #expect(planned.renderedJobCount == 1)
        #expect(planned.data(at: "documents/doc-4/citation.bib") == full.files.first { $0.path == "documents/doc-4/citation.bib" }?.data)
        #expect(planned.data(at: "documents/doc-4/nothing.html") == nil)
        #expect(planned.renderedJobCount == 1)
    }

    /// Every file, asked for one at a time with nothing rendered before, is what `scholia build` wrote; and the
    /// plan knows exactly the build's files, no more and no fewer.
    @Test(arguments: [1, 2, 9] as [UInt64])
    func everyFileAskedForIsWhatTheBuildWrites(seed: UInt64) throws {
        var editor = SiteEditor(seed: seed)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        for step in 0..<4 {
            if step > 0 { _ = try editor.edit(site.root) }
            guard (try? SiteBuilder.build(options)) != nil else { continue }
            let built = try IncrementalBuildTests.files(in: options.output)
            let planned: PlannedSite
            do { planned = try session.plan() } catch { Issue.record("seed \(seed) step \(step): \(error)"); continue }
            var served: [String: Data] = [:]
            for path in planned.paths { served[path] = planned.data(at: path) }
            for copy in planned.copies { served[copy.path] = try Data(contentsOf: copy.source) }
            IncrementalBuildTests.expectSame(served, built, "seed \(seed), step \(step)")
        }
    }

    @Test func aNewPlanTakesOverTheRenderedPagesThatDidNotChange() throws {
        var editor = SiteEditor(seed: 4)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        let first = try session.plan()
        let before = first.allFiles()
        try editor.rewrite(document: 2, in: site.root)

        let second = try session.plan()
        #expect(second.renderedJobCount == 0)
        let rewritten = try #require(second.data(at: "documents/doc-2/index.html"))
        #expect(second.renderedJobCount == 1 && second.tookOverJobCount == 0)
        // Made whole, the jobs whose fingerprint did not change took the first plan's files; the rewritten
        // document's page and the feed (made every time) were rendered.
        let all = second.allFiles()
        let tookOver = Set(second.outputs.filter(\.tookOver).map(\.id))
        #expect(tookOver.count > second.jobCount / 2 && !tookOver.contains("documents/doc-2/") && !tookOver.contains("feed.xml"))
        let full = try SiteBuilder.render(options)
        IncrementalBuildTests.expectSame(try IncrementalBuildTests.files(all, []), try IncrementalBuildTests.files(full.files, []), "after the rewrite")
        // The first plan is left as it was: a request that took it before the swap still gets its bytes.
        #expect(rewritten != first.data(at: "documents/doc-2/index.html"))
        #expect(first.data(at: "documents/doc-2/index.html") == before.first { $0.path == "documents/doc-2/index.html" }?.data)
    }

    @Test func theRestRendersUntilToldToStop() throws {
        let editor = SiteEditor(seed: 6)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let planned = try SiteSession(options: BuildOptions(siteDirectory: site.root)).plan()
        planned.renderRemaining { false }
        #expect(planned.renderedJobCount == 0)
        planned.renderRemaining { true }
        #expect(planned.renderedJobCount == planned.jobCount)
    }
}
