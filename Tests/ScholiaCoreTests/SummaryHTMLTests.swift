import Foundation
import Testing
@testable import ScholiaCore

/// Raw HTML in a summary is omitted (unless `unsafe_html`), and the build says so where it was written.
@Suite struct SummaryHTMLTests {
    func warnings(summary: String, siteYAML: String? = nil) throws -> (warnings: [String], summaryHTML: String?) {
        var files = ["Content/documents/talk.md": markdownDocument(extra: "summary: \(summary)\n")]
        if let siteYAML { files["site.yml"] = siteYAML }
        let site = try TestSite(files)
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return (diagnostics.filter { $0.severity == .warning }.map(\.description), loaded?.document("talk")?.summaryHTML)
    }

    @Test func aSummaryThatStartsWithBlockHTMLIsLostWithAWarningAtItsPosition() throws {
        let (warnings, html) = try warnings(summary: "\"<div class=lead>Kerry and Lavrov on *Syria*.</div>\"")
        #expect(warnings == ["Content/documents/talk.md:4:10: warning: the summary starts with a block HTML tag, so cmark reads it "
                             + "as raw HTML and omits all of it; write it as Markdown, or set 'unsafe_html: true' in site.yml to keep HTML"])
        #expect(html?.contains("Syria") == false)
    }

    @Test func inlineHTMLInASummaryIsOmittedWithAWarning() throws {
        let (warnings, html) = try warnings(summary: "Kerry <span>and</span> Lavrov")
        #expect(warnings == ["Content/documents/talk.md:4:10: warning: raw HTML in the summary is omitted; write Markdown, "
                             + "or set 'unsafe_html: true' in site.yml to keep it"])
        #expect(html?.contains("Lavrov") == true)
    }

    @Test func markdownAndAllowedHTMLGiveNoWarning() throws {
        #expect(try warnings(summary: "A *short* summary.").warnings.isEmpty)
        let unsafe = try warnings(summary: "\"<div>Kept</div>\"",
                                  siteYAML: "title: Test\nbase_url: https://example.org/\nunsafe_html: true\n")
        #expect(unsafe.warnings.isEmpty)
        #expect(unsafe.summaryHTML?.contains("<div>Kept</div>") == true)
    }
}
