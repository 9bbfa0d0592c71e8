import Foundation
import Testing
@testable import ScholiaServer

extension LivePreview {
    @Suite struct BrokenBuild {
        @Test func brokenFileIsShownOnEveryPageThenRecovered() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in

                // Saved half-way: the front matter stops in the middle of a value.
                try site.write("Content/documents/first.md", "---\ntitle: First Letter\ndate: [2013-05\n")
                let broken = try #require(try await preview.waitFor("/documents/second/") { $0.text.contains(ErrorList.elementID) })
                #expect(broken.status == 200)
                #expect(broken.text.contains("Content/documents/first.md:"))
                // Above the last good content, in the markup itself (no script needed to see it).
                let list = try #require(broken.text.range(of: ErrorList.elementID))
                let content = try #require(broken.text.range(of: "Text of the second letter."))
                #expect(list.lowerBound < content.lowerBound)
                #expect(try await preview.get("/").text.contains(ErrorList.elementID))
                #expect(try await preview.get("/no-such-page").text.contains(ErrorList.elementID))
                #expect(!(try await preview.get("/assets/scholia.css")).text.contains(ErrorList.elementID))
                #expect(preview.builds.contains { if case .failed = $0 { true } else { false } })

                try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Fixed again."))
                let fixed = try #require(try await preview.waitFor("/documents/first/") { $0.text.contains("Fixed again.") })
                #expect(!fixed.text.contains(ErrorList.elementID))
            }
        }

        @Test func templateSyntaxErrorAndDeletedContentAreSurvived() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let template = site.root.appendingPathComponent("Templates/document.mustache")
                let good = try String(contentsOf: template, encoding: .utf8)

                try site.write("Templates/document.mustache", good + "{{#unclosed}}\n")
                #expect(try await preview.waitFor("/") { $0.text.contains(ErrorList.elementID) } != nil)
                try site.write("Templates/document.mustache", good)
                #expect(try await preview.waitFor("/") { $0.status == 200 && !$0.text.contains(ErrorList.elementID) } != nil)

                let content = site.root.appendingPathComponent("Content")
                let aside = site.root.appendingPathComponent("Content-aside")
                try FileManager.default.moveItem(at: content, to: aside)
                #expect(try await preview.waitFor("/documents/first/") { $0.status == 404 || $0.text.contains(ErrorList.elementID) } != nil)
                try FileManager.default.moveItem(at: aside, to: content)
                let back = try await preview.waitFor("/documents/first/") { $0.status == 200 && !$0.text.contains(ErrorList.elementID) }
                #expect(back?.text.contains("Text of the first letter.") == true)
            }
        }

        @Test func siteThatNeverBuiltShowsAnErrorPageUntilFixed() async throws {
            let site = try FixtureSite()
            try site.write("site.yml", "title: Fixture\nbase_url: [https://example.org/\n")
            try await RunningPreview.with(site) { site, preview in
                let page = try await preview.get("/documents/first/")
                #expect(page.status == 500)
                #expect(page.text.contains(ErrorList.elementID))
                #expect(page.text.contains("site.yml:"))

                try site.write("site.yml", "title: Fixture\nbase_url: https://example.org/\n")
                #expect(try await preview.waitFor("/documents/first/") { $0.status == 200 } != nil)
            }
        }
    }
}
