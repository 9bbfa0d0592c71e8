import Foundation
import Testing
@testable import ScholiaServer

extension LivePreview {
    /// A site without `Templates/` is served with the built-in theme, and picks up an override made while it is served.
    @Suite struct BuiltInTheme {
        @Test func aSiteWithoutTemplatesIsServedAndFollowsANewOverride() async throws {
            try await RunningPreview.with(FixtureSite(theme: false)) { site, preview in
                let css = try await preview.get("/assets/scholia.css")
                #expect(css.status == 200)
                #expect(css.body == (try Data(contentsOf: FixtureSite.repository.appendingPathComponent("Templates/assets/scholia.css"))))
                let icon = try await preview.get("/favicon.ico")
                #expect(icon.status == 200)
                #expect(icon.header("Content-Type") == "image/x-icon")
                #expect(try await preview.get("/assets/favicon.svg").header("Content-Type") == "image/svg+xml")
                // `scholia theme copy` made while serving: the new folder is watched and its file wins.
                try site.write("Templates/assets/scholia.css", "body { color: red; }\n")
                #expect(try await preview.waitFor("/assets/scholia.css") { $0.text == "body { color: red; }\n" } != nil)
            }
        }
    }
}
