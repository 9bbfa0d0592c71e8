import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// `place`, `issuer` and `number`: read from front matter, kept by the documents cache, and given to the
/// citations as the CSL item's event place, authority and number.
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

    @Test func aMisspeltDetailIsAnErrorWithAHint() throws {
        let site = try TestSite(["Content/documents/a.md": markdownDocument(extra: "isuer: National Security Council\nplce: Berlin\n")])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.contains("Content/documents/a.md:4:1: error: unknown key 'isuer' in document metadata; did you mean 'issuer'?"))
        #expect(errors.contains("Content/documents/a.md:5:1: error: unknown key 'plce' in document metadata; did you mean 'place'?"))
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
        func item(_ id: String) throws -> JSONValue {
            let document = try #require(built.document(id))
            return CitationItem.make(for: document, config: built.config, url: "https://example.org/documents/\(id)/") { built.speaker($0)?.name }
        }
        let report = try item("nsc-68")
        #expect(report["event-place"]?.stringValue == "Washington, DC")
        #expect(report["authority"]?.stringValue == "National Security Council")
        #expect(report["number"]?.stringValue == "NSC 68")
        let talk = try item("talk")
        // The reader reads the site's version: the edition's publisher and place are not the item's.
        #expect(talk["publisher"]?.stringValue == "Center for Primary Sources")
        #expect(talk["publisher-place"] == nil)
        #expect(talk["event-place"] == nil)
        // Every document of a type has the same genre: remarks are a speech.
        #expect(talk["genre"]?.stringValue == "Speech")
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
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: " v\(Document.codingVersion) ", with: " v1 ").write(to: file, atomically: true, encoding: .utf8)
        #expect(DocumentCache.read(from: folder).result(for: "Content/documents/nsc-68.md", key: 7) == nil)
    }
}
