import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// `place`, `issuer`, `number` and the legal details (`hearing`, `congress`, `session`, `parties`, `series`):
/// read from front matter, kept by the documents cache, and given to the citations as the CSL item's event
/// place, authority and number, and its event title, collection number, chapter number, jurisdiction and
/// collection title.
@Suite struct DocumentDetailsTests {
    static let report = markdownDocument(title: "NSC 68", date: "1950-04-14", extra: """
        type: report
        place: Washington, DC
        issuer: National Security Council
        number: NSC 68

        """)

    @Test func theLoaderReadsTheDetails() throws {
        let site = try TestSite(["Content/documents/nsc-68.md": Self.report])
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let document = try #require(loaded?.document("nsc-68"))
        #expect(document.details == DocumentDetails(place: "Washington, DC", issuer: "National Security Council", number: "NSC 68"))
    }

    static let testimony = markdownDocument(title: "Statement", date: "1971-04-22", extra: """
        type: testimony
        hearing: 'Legislative Proposals: Hearings before the Committee on Foreign Relations'
        congress: 92
        session: 1

        """)
    static let treaty = markdownDocument(title: "The Atlantic Charter", date: "1941-08-14", extra: """
        type: treaty
        parties: [U.S., U.K.]
        series: 55 Stat. 1603

        """)

    @Test func theLoaderReadsTheLegalDetails() throws {
        let site = try TestSite(["Content/documents/kerry.md": Self.testimony, "Content/documents/charter.md": Self.treaty])
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(loaded?.document("kerry")?.details == DocumentDetails(
            hearing: "Legislative Proposals: Hearings before the Committee on Foreign Relations", congress: 92, session: 1))
        #expect(loaded?.document("charter")?.details == DocumentDetails(parties: ["U.S.", "U.K."], series: "55 Stat. 1603"))
    }

    @Test func aCongressThatIsNotANumberIsAnError() throws {
        let site = try TestSite(["Content/documents/a.md": markdownDocument(extra: "congress: 92nd\n"),
                                 "Content/documents/b.md": markdownDocument(extra: "sesion: 1\n")])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.contains { $0.hasPrefix("Content/documents/a.md:4:") && $0.contains("'congress' must be a whole number, not '92nd'") }, "\(errors)")
        #expect(errors.contains("Content/documents/b.md:4:1: error: unknown key 'sesion' in document metadata; did you mean 'session'?"))
    }

    @Test func aMisspeltDetailIsAnErrorWithAHint() throws {
        let site = try TestSite(["Content/documents/a.md": markdownDocument(extra: "isuer: National Security Council\nplce: Berlin\n")])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.contains("Content/documents/a.md:4:1: error: unknown key 'isuer' in document metadata; did you mean 'issuer'?"))
        #expect(errors.contains("Content/documents/a.md:5:1: error: unknown key 'plce' in document metadata; did you mean 'place'?"))
    }

    /// The CSL item of document `id` of a loaded site.
    static func item(_ id: String, of site: Site) throws -> JSONValue {
        let document = try #require(site.document(id))
        return CitationItem.make(for: document, config: site.config, url: "https://example.org/documents/\(id)/") { site.speaker($0)?.name }
    }

    @Test func theItemNamesWhereTheWordsWereSpokenAndTheSitesPublisher() throws {
        let site = try TestSite([
            "site.yml": "title: Primary Sources Online\nbase_url: https://example.org/\npublisher: Center for Primary Sources\n",
            "Content/documents/nsc-68.md": Self.report,
            "Content/documents/talk.md": markdownDocument(extra: "type: remarks\nsource: {publisher: U.S. Department of State, place: Moscow}\n"),
        ], theme: false)
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        let built = try #require(loaded, "\(diagnostics)")
        let report = try Self.item("nsc-68", of: built)
        #expect(report["event-place"]?.stringValue == "Washington, DC")
        #expect(report["authority"]?.stringValue == "National Security Council")
        #expect(report["number"]?.stringValue == "NSC 68")
        let talk = try Self.item("talk", of: built)
        // The reader reads the site's version: the edition's publisher and place are not the item's.
        #expect(talk["publisher"]?.stringValue == "Center for Primary Sources")
        #expect(talk["publisher-place"] == nil)
        #expect(talk["event-place"] == nil)
        // Every document of a type has the same genre: remarks are a speech.
        #expect(talk["genre"]?.stringValue == "Speech")
    }

    @Test func theItemGivesTheLegalDetailsToTheStyles() throws {
        let site = try TestSite(["Content/documents/kerry.md": Self.testimony, "Content/documents/charter.md": Self.treaty], theme: false)
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        let built = try #require(loaded, "\(diagnostics)")
        let testimony = try Self.item("kerry", of: built)
        #expect(testimony["event-title"]?.stringValue == "Legislative Proposals: Hearings before the Committee on Foreign Relations")
        #expect(testimony["collection-number"] == .int(92))
        #expect(testimony["chapter-number"] == .int(1))
        let treaty = try Self.item("charter", of: built)
        #expect(treaty["jurisdiction"]?.stringValue == "U.S.-U.K.")
        #expect(treaty["collection-title"]?.stringValue == "55 Stat. 1603")
        // Without the details, neither item has these variables: the styles cite it as other primary sources.
        #expect(treaty["event-title"] == nil && testimony["jurisdiction"] == nil && testimony["collection-title"] == nil)
    }

    @Test func theDocumentsCacheKeepsTheDetails() throws {
        let site = try TestSite(["Content/documents/nsc-68.md": Self.report])
        defer { site.remove() }
        let (loaded, _) = site.load()
        let document = try #require(loaded?.document("nsc-68"))
        let cache = DocumentCache()
        cache.store((LoadedDocument(document: document, location: SourceLocation(path: "a"), speakers: [], topics: []), DiagnosticList()),
                    for: "Content/documents/nsc-68.md", key: 7)
        let folder = site.root.appendingPathComponent(".cache")
        cache.save(to: folder)
        let read = DocumentCache.read(from: folder).result(for: "Content/documents/nsc-68.md", key: 7)
        #expect(read?.0?.document.details == document.details)
        // A cache written before documents had details (an older coding version) is not read.
        let file = folder.appendingPathComponent(DocumentCache.fileName)
        let saved = try Data(contentsOf: file)
        let newline = try #require(saved.firstIndex(of: 0x0A))
        let header = String(decoding: saved[..<newline], as: UTF8.self).replacingOccurrences(of: " v\(Document.codingVersion) ", with: " v1 ")
        try (Data(header.utf8) + saved[newline...]).write(to: file)
        #expect(DocumentCache.read(from: folder).result(for: "Content/documents/nsc-68.md", key: 7) == nil)
    }

    @Test func theDocumentsCacheKeepsTheLegalDetails() throws {
        let site = try TestSite(["Content/documents/kerry.md": Self.testimony, "Content/documents/charter.md": Self.treaty])
        defer { site.remove() }
        let (loaded, _) = site.load()
        let cache = DocumentCache()
        for id in ["kerry", "charter"] {
            let document = try #require(loaded?.document(id))
            cache.store((LoadedDocument(document: document, location: SourceLocation(path: "a"), speakers: [], topics: []), DiagnosticList()),
                        for: "Content/documents/\(id).md", key: 7)
        }
        let folder = site.root.appendingPathComponent(".cache")
        cache.save(to: folder)
        let read = DocumentCache.read(from: folder)
        for id in ["kerry", "charter"] {
            let details = try #require(loaded?.document(id)?.details)
            #expect(read.result(for: "Content/documents/\(id).md", key: 7)?.0?.document.details == details)
        }
    }
}
