import Foundation
import ScholiaLoad
import ScholiaRender
import ScholiaCore
import Testing
@testable import ScholiaServer

extension LivePreview {
    @Suite struct Serving {
        @Test func pagesAndAssetsWithTheirTypes() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                #expect(preview.url.absoluteString == "http://127.0.0.1:\(preview.port)/")

                let expected: [(String, String)] = [
                    ("/", "text/html; charset=utf-8"),
                    ("/documents/", "text/html; charset=utf-8"),
                    ("/documents/first/", "text/html; charset=utf-8"),
                    ("/assets/scholia.css", "text/css; charset=utf-8"),
                    ("/assets/scholia.js", "text/javascript; charset=utf-8"),
                    ("/feed.xml", "application/xml; charset=utf-8"),
                    ("/sitemap.xml", "application/xml; charset=utf-8"),
                    ("/documents/first/citation.json", "application/json; charset=utf-8"),
                    ("/documents/first/citation.bib", "application/x-bibtex; charset=utf-8"),
                    ("/documents/first/citation.ris", "application/x-research-info-systems; charset=utf-8"),
                ]
                for (path, type) in expected {
                    let reply = try await preview.get(path)
                    #expect(reply.status == 200, "\(path)")
                    #expect(reply.header("Content-Type") == type, "\(path)")
                    #expect(reply.header("Content-Length") == String(reply.body.count), "\(path)")
                }
                let page = try await preview.get("/documents/first/")
                #expect(page.text.contains("Text of the first letter."))
                #expect(page.text.contains("/_scholia/events"))
                let css = try await preview.get("/assets/scholia.css")
                #expect(css.body == (try Data(contentsOf: site.root.appendingPathComponent("Templates/assets/scholia.css"))))
                #expect(!(try await preview.get("/assets/scholia.css")).text.contains("_scholia"))
                // The preview never writes a Public/ folder.
                #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public").path))
            }
        }

        @Test func pagesAreTheBuildsBytesPlusTheScript() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let built = try SiteBuilder.render(BuildOptions(siteDirectory: site.root))
                let script = PreviewInjection.script(basePath: "/", generation: 1)
                for file in built.files where file.path.hasSuffix("index.html") {
                    let served = try await preview.get("/" + file.path.dropLast("index.html".count))
                    #expect(served.text.replacingOccurrences(of: script, with: "") == String(decoding: file.data, as: UTF8.self), "\(file.path)")
                }
            }
        }

        @Test func folderWithoutSlashIsRedirected() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let reply = try await preview.get("/documents/first?x=1")
                #expect(reply.status == 301)
                #expect(reply.header("Location") == "/documents/first/?x=1")
            }
        }

        @Test func missingPageIsTheSites404() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let reply = try await preview.get("/documents/nothing-here/")
                #expect(reply.status == 404)
                #expect(reply.header("Content-Type") == "text/html; charset=utf-8")
                #expect(reply.text.contains("Page not found"))
            }
        }

        @Test func headAndConditionalRequests() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let full = try await preview.get("/documents/first/")
                let head = try await preview.get("/documents/first/", method: "HEAD")
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(head.header("Content-Length") == String(full.body.count))
                let etag = try #require(full.header("ETag"))
                #expect(head.header("ETag") == etag)

                let unchanged = try await preview.get("/documents/first/", headers: ["If-None-Match": etag])
                #expect(unchanged.status == 304)
                #expect(unchanged.body.isEmpty)
                #expect(unchanged.header("ETag") == etag)
                let listed = try await preview.get("/documents/first/", headers: ["If-None-Match": "\"other\", W/\(etag)"])
                #expect(listed.status == 304)
                let stale = try await preview.get("/documents/first/", headers: ["If-None-Match": "\"other\""])
                #expect(stale.status == 200)
                #expect(stale.body == full.body)

                let events = try await preview.get("/_scholia/events", method: "HEAD")
                #expect(events.status == 200)
                #expect(events.header("Content-Type") == "text/event-stream; charset=utf-8")

                let post = try await preview.get("/documents/first/", method: "POST", headers: ["Content-Length": "0"])
                #expect(post.status == 405)
            }
        }

        @Test func stopsWithAnOpenEventStream() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let listener = try preview.listen()
                defer { listener.close() }
                #expect(await listener.waitFor { $0 == 1 } != nil)
                let start = ContinuousClock.now
                await preview.stop()
                #expect(ContinuousClock.now - start < .seconds(10))
                await #expect(throws: (any Error).self) { try await preview.get("/") }
            }
        }
    }
}
