import Foundation
import Testing
@testable import ScholiaServer

extension LivePreview {
    @Suite struct SubPath {
        @Test func siteUnderAPathIsServedUnderIt() async throws {
            try await RunningPreview.with(FixtureSite(baseURL: "https://example.edu/hist210/")) { site, preview in
                #expect(preview.url.absoluteString == "http://127.0.0.1:\(preview.port)/hist210/")

                let home = try await preview.get("/hist210/")
                #expect(home.status == 200)
                #expect(home.text.contains("href=\"/hist210/documents/"))
                #expect(home.text.contains("\"/hist210/_scholia/events\""))
                #expect(try await preview.get("/hist210/documents/first/").text.contains("Text of the first letter."))
                #expect(try await preview.get("/hist210/assets/scholia.css").header("Content-Type") == "text/css; charset=utf-8")

                let bare = try await preview.get("/hist210")
                #expect(bare.status == 301)
                #expect(bare.header("Location") == "/hist210/")
                let root = try await preview.get("/")
                #expect(root.status == 302)
                #expect(root.header("Location") == "/hist210/")
                #expect(try await preview.get("/documents/first/").status == 404)
                #expect(try await preview.get("/_scholia/events").status == 404)
                #expect(try await preview.get("/hist210/documents/first").header("Location") == "/hist210/documents/first/")

                let listener = try preview.listen("/hist210/_scholia/events")
                defer { listener.close() }
                #expect(await listener.waitFor { $0 == 1 } != nil)
                try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Under a path."))
                #expect(await listener.waitFor { $0 > 1 } != nil)
                #expect(try await preview.get("/hist210/documents/first/").text.contains("Under a path."))
            }
        }
    }
}
