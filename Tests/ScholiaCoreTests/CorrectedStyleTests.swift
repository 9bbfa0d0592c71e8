import CSL
import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

/// The built-in theme's corrected MLA: "mla" gives the MLA Handbook's pinpoint "par. 3", the official
/// style stays selectable under its own id, and a site's own `Templates/styles/` file wins over both.
@Suite struct CorrectedStyleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let letter = "lincoln-letter-to-greeley-1862-08-22"

    static func pinpoint(_ style: String, paragraph: Int = 3, site: URL = repository) throws -> String {
        try CiteRequest(siteDirectory: site, documentIDs: [letter], style: style, paragraph: paragraph).run()
    }

    @Test func mlaPinpointsAParagraphAsTheHandbookDoes() throws {
        let url = "https://example.org/documents/\(Self.letter)/#p3"
        #expect(try Self.pinpoint("mla") == "(Lincoln, par. 3)\n\(url)\n")
        #expect(try Self.pinpoint("MLA") == "(Lincoln, par. 3)\n\(url)\n")
        // The official style is still there, as it is.
        #expect(try Self.pinpoint("modern-language-association") == "(Lincoln, para.3)\n\(url)\n")
    }

    @Test func severalParagraphsArePars() throws {
        let loader = CitationStyleLoader(siteDirectory: Self.repository, language: "en-US")
        let style = try loader.load("mla")
        #expect(style.name == CitationStyleLoader.correctedMLA)
        #expect(style.label == "MLA")
        let item = try Citations.cslItems([.object([("id", .string("a")), ("type", .string("speech")), ("title", .string("Remarks")),
                                                    ("author", .array([.object([("family", .string("Kerry")), ("given", .string("John"))])]))])])[0]
        #expect(Citations.citation(item, style: style, paragraph: "3-4").text == "(Kerry, pars. 3–4)")
        // Pages and lines keep the official form.
        let page = CSLCite(id: "a", locator: "12", label: "page")
        #expect(style.processor.citation([page], items: [item]).text == "(Kerry 12)")
    }

    @Test func apaAndChicagoAreTheCorrectedCopiesAndTheOfficialOnesStaySelectable() throws {
        let loader = CitationStyleLoader(siteDirectory: Self.repository, language: "en-US")
        let names = try ["apa", "apa-official", "chicago", "chicago-notes", "chicago-note-bibliography"].map { try loader.load($0) }
        #expect(names.map(\.name) == [CitationStyleLoader.correctedAPA, "apa", CitationStyleLoader.correctedChicago,
                                       CitationStyleLoader.correctedChicago, "chicago-note-bibliography"])
        #expect(names.map(\.label) == ["APA", "APA", "Chicago", "Chicago", "Chicago"])
        #expect(names[0].processor.style.title == "American Psychological Association 7th edition (Scholia corrections)")
        #expect(names[1].processor.style.title == "American Psychological Association 7th edition")
        #expect(SiteConfig.defaultCitationStyles == ["mla", "apa", "chicago"])
        // The official APA prints the site as an edited book; the corrected copy as a website.
        let official = try CiteRequest(siteDirectory: Self.repository, documentIDs: [Self.letter], style: "apa-official").run()
        #expect(official.hasPrefix("Lincoln, A. (1862, August 22). [Letter to Horace Greeley]. In Scholia Sample"))
    }

    @Test func theStyleComesFromTheBuiltInThemeWithoutASiteCopy() throws {
        let site = try TestSite([:], theme: false)
        defer { site.remove() }
        let style = try CitationStyleLoader(siteDirectory: site.root, language: "en-US").load("mla")
        #expect(style.processor.style.title == "Modern Language Association 9th edition (Scholia corrections)")
    }

    @Test func aSiteStyleOverridesTheBuiltInOne() throws {
        let builtIn = try #require(Theme.builtIn("styles/\(CitationStyleLoader.correctedMLA).csl"))
        let renamed = builtIn.replacingOccurrences(of: "(Scholia corrections)", with: "(our department's)")
        let site = try TestSite(["Templates/styles/\(CitationStyleLoader.correctedMLA).csl": renamed], theme: false)
        defer { site.remove() }
        let style = try CitationStyleLoader(siteDirectory: site.root, language: "en-US").load("mla")
        #expect(style.processor.style.title == "Modern Language Association 9th edition (our department's)")
    }

    @Test func aLetterTitledOnlyByItsRecipientIsDescribedOnce() throws {
        let greeley = PersonName(given: "Horace", family: "Greeley")
        #expect(CitationItem.isOnlyADescription("Letter to Horace Greeley", recipients: [greeley]))
        #expect(CitationItem.isOnlyADescription("letter to Greeley", recipients: [greeley]))
        #expect(!CitationItem.isOnlyADescription("The Prayer of Twenty Millions", recipients: [greeley]))
        #expect(!CitationItem.isOnlyADescription("Letter to Horace Greeley", recipients: []))
        #expect(try CiteRequest(siteDirectory: Self.repository, documentIDs: [Self.letter], style: "chicago").run()
            .hasPrefix("Lincoln, Abraham. Letter to Horace Greeley, August 22, 1862. Scholia Sample"))
        #expect(try CiteRequest(siteDirectory: Self.repository, documentIDs: [Self.letter], style: "mla").run()
            .hasPrefix("Lincoln, Abraham. Letter to Horace Greeley. 22 Aug. 1862. Scholia Sample"))
        #expect(try CiteRequest(siteDirectory: Self.repository, documentIDs: [Self.letter], style: "apa").run()
            .hasPrefix("Lincoln, A. (1862, August 22). [Letter to Horace Greeley]. Scholia Sample"))
    }

    @Test func theDocumentPageUsesTheCorrectedPinpoint() throws {
        let document = markdownDocument(title: "Joint Press Conference", extra: "type: press-conference\nspeakers:\n  - id: john-kerry\n    name: John Kerry\n",
                                         body: "One.\n\nTwo.")
        let site = try TestSite(["site.yml": "title: Test\nbase_url: https://example.org/\ncitation_styles: [mla]\n",
                                 "Content/documents/press.md": document], theme: false)
        defer { site.remove() }
        let rendered = try SiteBuilder.render(BuildOptions(siteDirectory: site.root))
        let page = try #require(rendered.files.first { $0.path == "documents/press/index.html" })
        let html = String(decoding: page.data, as: UTF8.self)
        #expect(html.contains("data-pinpoint-text=\"(Kerry, par. \(Citations.paragraphPlaceholder))\""))
        #expect(!html.contains("para."))
    }
}
