import Foundation
import Testing
@testable import ScholiaServer

extension LivePreview {
    @Suite struct Reload {
        @Test func editedDocumentIsServedAnewAndPagesAreToldWithinTwoSeconds() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let listener = try preview.listen()
                defer { listener.close() }
                #expect(await listener.waitFor { $0 == 1 } != nil)
                let before = try await preview.get("/documents/first/")

                let saved = ContinuousClock.now
                try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "A revised text."))
                let notified = try #require(await listener.waitFor { $0 > 1 })
                #expect(notified - saved < .seconds(2))

                // The event comes after the swap, so the page is already new.
                let after = try await preview.get("/documents/first/")
                #expect(after.text.contains("A revised text."))
                #expect(after.header("ETag") != before.header("ETag"))
                #expect(try await preview.get("/documents/first/", headers: ["If-None-Match": before.header("ETag") ?? ""]).status == 200)
            }
        }

        @Test func pollingFallbackRebuildsToo() async throws {
            try await RunningPreview.with(FixtureSite(), watch: .polling(interval: .milliseconds(100))) { site, preview in
                try site.write("Content/documents/second.md", FixtureSite.document(title: "Second Letter", text: "Seen by polling."))
                #expect(try await preview.waitFor("/documents/second/") { $0.text.contains("Seen by polling.") } != nil)
            }
        }

        @Test func burstOfSavesIsDebounced() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                for save in 1...50 {
                    try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Save number \(save)."))
                }
                #expect(try await preview.waitFor("/documents/first/") { $0.text.contains("Save number 50.") } != nil)
                // One initial build, then a handful at most for fifty saves.
                #expect(preview.builds.count <= 6)
            }
        }

        @Test func noWatchBuildsOnce() async throws {
            try await RunningPreview.with(FixtureSite(), watch: .off) { site, preview in
                try site.write("Content/documents/first.md", FixtureSite.document(title: "First Letter", text: "Not picked up."))
                try await Task.sleep(for: .milliseconds(500))
                #expect(!(try await preview.get("/documents/first/")).text.contains("Not picked up."))
                #expect(preview.builds.count == 1)
            }
        }
    }
}
