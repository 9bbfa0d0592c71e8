import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

/// Scholia's CSL engine against pandoc's citeproc on the sample site (goldens made by
/// Scripts/make-citation-goldens.sh): the same CSL-JSON must give the same text in the official MLA, APA and
/// Chicago ("apa" is the corrected copy; "apa-official" the official style).
@Suite struct CitationGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldens = repository.appendingPathComponent("Tests/ScholiaCoreTests/Goldens/citations")

    @Test func sampleSiteMatchesPandoc() throws {
        let (loaded, diagnostics) = SiteBuilder.loadSite(BuildOptions(siteDirectory: Self.repository))
        let site = try #require(loaded, "\(diagnostics)")
        let loader = CitationStyleLoader(siteDirectory: Self.repository, language: site.config.language)
        let styles = try ["modern-language-association", "apa-official", "chicago-note-bibliography"].map { try loader.load($0) }
        let routes = Routes(config: site.config)
        var compared = 0
        for document in site.documents {
            let json = CitationItem.make(for: document, config: site.config, url: routes.absolute(Routes.document(document.id))) { site.speaker($0)?.name }
            let item = try #require(try Citations.cslItems([json]).first)
            for citation in Citations.render(item, styles: styles) {
                let file = Self.goldens.appendingPathComponent("\(document.id).\(citation.style.name).txt")
                let golden = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
                #expect(golden.first == "bibliography: " + citation.bibliographyText, "\(document.id) \(citation.style.name)")
                #expect(golden.last == "citation: " + citation.shortText, "\(document.id) \(citation.style.name)")
                compared += 1
            }
        }
        #expect(compared == site.documents.count * 3)
    }
}
