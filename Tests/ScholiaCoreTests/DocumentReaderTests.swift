import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaCore

/// `DocumentReader` (what `scholia serve` reads a saved document with) gives, for every document file, what loading
/// the whole site gives for it: the same document and the same diagnostics, good file or bad.
@Suite struct DocumentReaderTests {
    static let files: [String: String] = [
        "Content/speakers/ada-byron.md": "---\nname: Ada Byron\nfamily: Byron\naliases: [LADY LOVELACE]\n---\n\nA biography.\n",
        "Content/topics/engines.md": "---\ntitle: Engines\n---\n\nAbout engines.\n",
        "Content/documents/speech.md": markdownDocument(extra: """
            speakers:
              - {id: ada-byron, label: ADA}
              - {id: nobody-known, name: Nobody Known}
              - someone-else
            topics: [engines, Unfiled Thoughts]
            summary: A *short* summary.\n
            """, body: "ADA: The engine weaves.\n\nLADY LOVELACE: Patterns.\n\nNOBODY KNOWN: Indeed."),
        "Content/documents/speech.notes.yml": "annotations:\n  - quote: \"engine weaves\"\n    note: A note on *weaving*.\n",
        "Content/documents/bad-notes.md": markdownDocument(title: "Bad Notes"),
        "Content/documents/bad-notes.notes.yml": "annotations:\n  - quote: \"not in the text\"\n    note: Lost.\n  - note: No quote.\n",
        "Content/documents/letter.txt": "Dear Sir,\n\nI write in haste.\n",
        "Content/documents/letter.yml": "title: A Letter\ndate: 1843-07\ntype: letter\nspeakers: [ada-byron]\n",
        "Content/documents/hostile.md": markdownDocument(title: "\"<script>alert('x')</script> & \u{202E}reversed", extra: """
            slug: hostile-one
            summary: "<b>bold</b> & 'quotes' \\u0000 \u{1F600}"
            source: {publisher: "A & B <C>", url: "javascript:alert(1)"}\n
            """, body: "<iframe src=x></iframe>\n\nZero\u{200B}width, e\u{301}, \u{1F469}\u{200D}\u{1F52C}, ]]> --> {{mustache}}"),
        "Content/documents/bad-front.md": "---\ntitle: [unclosed\ndate: 2013\n---\n\nText.\n",
        "Content/documents/no-date.md": "---\ntitle: No Date\nunknown_key: 1\n---\n\nText.\n",
        "Content/documents/bad-slug.md": markdownDocument(extra: "slug: Not A Slug\nspeakers: [\"Bad Id\"]\n"),
        "Content/documents/no-front.md": "Just text, no metadata.\n",
        "Content/documents/draft.md": markdownDocument(extra: "draft: true\n"),
        "Content/documents/deep/nested.md": markdownDocument(title: "Nested", extra: "speakers: [ada-byron]\n", body: "ADA BYRON: Below."),
    ]

    @Test(arguments: [false, true])
    func everyDocumentIsReadAsTheWholeSitesLoadReadsIt(includeDrafts: Bool) throws {
        let site = try TestSite(Self.files, theme: false)
        defer { site.remove() }
        // Not UTF-8: an error of its own.
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: site.root.appendingPathComponent("Content/documents/binary.md"))
        let (content, diagnostics) = ContentLoader(siteDirectory: site.root, includeDrafts: includeDrafts).load()
        let reader = content.transcripts.documents
        let paths = Self.files.keys.filter { $0.hasPrefix("Content/documents/") && !$0.hasSuffix(".yml") } + ["Content/documents/binary.md"]
        var loadedCount = 0
        for path in paths.sorted() {
            let read = try #require(reader.read(path), "\(path) is not a document of the listing")
            let files = Set(reader.files(of: path))
            #expect(files.contains(path))
            let expected = diagnostics.all.filter { files.contains($0.location.path) }
            #expect(read.diagnostics.all == expected, "\(path)")
            let whole = content.documents.first { $0.document.sourcePath == path }
            #expect(read.document.map { String(reflecting: $0) } == whole.map { String(reflecting: $0) }, "\(path)")
            if read.document != nil { loadedCount += 1 }
        }
        // The files above cover good documents, documents with errors and a draft, kept or left out.
        #expect(loadedCount == content.documents.count)
        let ids = Set(content.documents.map(\.document.id))
        #expect(ids.isSuperset(of: ["speech", "letter", "nested"]) && ids.contains("draft") == includeDrafts, "\(ids.sorted())")
        #expect(diagnostics.all.contains { $0.location.path == "Content/documents/bad-front.md" && $0.severity == .error })
        #expect(diagnostics.all.contains { $0.location.path == "Content/documents/bad-notes.notes.yml" && $0.severity == .error })
    }

    @Test func sidecarsAndNotesLeadToTheirDocument() throws {
        let site = try TestSite(Self.files, theme: false)
        defer { site.remove() }
        let reader = ContentLoader(siteDirectory: site.root, includeDrafts: false).load().0.transcripts.documents
        #expect(reader.documentPaths(reading: "Content/documents/letter.yml") == ["Content/documents/letter.txt"])
        #expect(reader.documentPaths(reading: "Content/documents/speech.notes.yml") == ["Content/documents/speech.md"])
        #expect(reader.files(of: "Content/documents/speech.md") == ["Content/documents/speech.md", "Content/documents/speech.notes.yml"])
        #expect(reader.documentPaths(reading: "Content/documents/deep/nested.md") == ["Content/documents/deep/nested.md"])
        #expect(reader.files(of: "Content/documents/letter.txt") == ["Content/documents/letter.txt", "Content/documents/letter.yml"])
        // Not a document of the listing: a new file, a file of another kind, a speaker.
        for path in ["Content/documents/new.md", "Content/documents/speech.yml", "Content/speakers/ada-byron.md", "site.yml"] {
            #expect(reader.documentPaths(reading: path).isEmpty, "\(path)")
            #expect(reader.read(path) == nil, "\(path)")
        }
        #expect(reader.speakerFileIDs == ["ada-byron"] && reader.topicFileIDs == ["engines"])
    }

    /// `scholia build` after a text edit does not list the documents again: its reader looks each one up among the files
    /// the build key saw. On a site without errors it reads every document, and finds its files, as the listing's does;
    /// a file that is not a document of the site is none.
    @Test(arguments: [false, true])
    func aReaderThatLooksDocumentsUpReadsThemAsTheListingsDoes(includeDrafts: Bool) throws {
        let good = ["speech.md", "speech.notes.yml", "letter.txt", "letter.yml", "draft.md", "deep/nested.md"].map { "Content/documents/" + $0 }
        let site = try TestSite(Self.files.filter { !$0.key.hasPrefix("Content/documents/") || good.contains($0.key) }, theme: false)
        defer { site.remove() }
        let loader = ContentLoader(siteDirectory: site.root, includeDrafts: includeDrafts)
        let (content, diagnostics) = loader.load()
        #expect(!diagnostics.hasErrors)
        let listing = content.transcripts.documents
        let present = Set(FileTree.listFiles(under: site.root.path))
        let lookup = try #require(loader.documentReader { present.contains($0) })
        for path in good {
            #expect(lookup.documentPaths(reading: path) == listing.documentPaths(reading: path), "\(path)")
            #expect(lookup.files(of: path) == listing.files(of: path), "\(path)")
            let read = lookup.read(path), expected = listing.read(path)
            #expect(read?.document.map { String(reflecting: $0) } == expected?.document.map { String(reflecting: $0) }, "\(path)")
            #expect(read?.diagnostics.all == expected?.diagnostics.all, "\(path)")
        }
        #expect(lookup.files(of: "Content/documents/letter.txt") == ["Content/documents/letter.txt", "Content/documents/letter.yml"])
        for path in ["Content/documents/new.md", "Content/documents/speech.yml", "Content/speakers/ada-byron.md", "site.yml"] {
            #expect(lookup.documentPaths(reading: path).isEmpty && lookup.read(path) == nil, "\(path)")
        }
        #expect(lookup.speakerFileIDs == listing.speakerFileIDs && lookup.topicFileIDs == listing.topicFileIDs)
    }
}
