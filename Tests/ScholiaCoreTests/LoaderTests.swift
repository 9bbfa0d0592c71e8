import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

@Suite struct LoaderTests {
    @Test func loadsAMarkdownDocumentWithEveryKey() throws {
        let site = try TestSite([
            "Content/documents/talk.md": markdownDocument(extra: """
            type: press-conference
            speakers:
              - {id: john-kerry, role: Secretary of State, label: SECRETARY KERRY}
              - {id: david-remnick, name: David Remnick, as: presider}
            topics: [syria, U.S.–Russia Relations]
            summary: A *short* summary.
            excerpt: "Excerpt from the press conference:"
            source: {publisher: U.S. Department of State, url: "https://state.gov/x", place: Moscow, accessed: 2026-11-29}
            language: en

            """, body: "SECRETARY KERRY: Hello.\n\nMR. REMNICK: Thanks."),
        ])
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let document = try #require(loaded?.document("talk"))
        #expect(document.type == "press-conference")
        #expect(document.participants.map(\.participation) == [.speaker, .presider])
        #expect(document.topicIDs == ["syria", "u-s-russia-relations"])
        #expect(loaded?.topic("u-s-russia-relations")?.title == "U.S.–Russia Relations")
        #expect(document.summaryHTML == "A <em>short</em> summary.")
        #expect(document.excerpt == "Excerpt from the press conference:")
        #expect(document.source.place == "Moscow")
        #expect(document.transcript.turns.map(\.speakerID) == ["john-kerry", "david-remnick"])
        #expect(loaded?.speaker("david-remnick")?.name.display == "David Remnick")
        #expect(loaded?.speaker("john-kerry")?.documentRoles.first?.title == "Secretary of State")
    }

    @Test func plainTextWithSidecarMetadata() throws {
        let site = try TestSite([
            "Content/documents/letter.txt": "Dear Sir: *this* is <b>literal</b>.\n",
            "Content/documents/letter.yml": "title: A Letter\ndate: 1862-08-22\ntype: letter\n",
        ])
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let paragraph = try #require(loaded?.document("letter")?.transcript.paragraphs.first)
        #expect(paragraph.html == "Dear Sir: *this* is &lt;b&gt;literal&lt;/b&gt;.")
    }

    @Test func reportsEveryErrorWithItsPosition() throws {
        let site = try TestSite([
            "Content/documents/a.md": markdownDocument(extra: "tittle: oops\n"),
            "Content/documents/b.md": "---\ntitle: No date\n---\nText.\n",
            "Content/documents/c.md": "---\ntitle: [unclosed\ndate: 2013\n---\n",
            "Content/documents/d.md": markdownDocument(date: "2013-02-30"),
            "Content/documents/e.md": markdownDocument(extra: "speakers: [John Kerry]\n"),
            "Content/documents/f.md": markdownDocument(extra: "slug: ../../etc\n"),
        ])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.contains("Content/documents/a.md:4:1: error: unknown key 'tittle' in document metadata; did you mean 'title'?"))
        #expect(errors.contains("Content/documents/b.md:2:1: error: missing required key 'date'"))
        #expect(errors.contains { $0.hasPrefix("Content/documents/c.md:3:") && $0.contains("malformed YAML") })
        #expect(errors.contains { $0.hasPrefix("Content/documents/d.md:3:7: error: '2013-02-30' is not a date") })
        #expect(errors.contains { $0.hasPrefix("Content/documents/e.md:4:12: error: speaker id 'John Kerry'") && $0.contains("'john-kerry'") })
        #expect(errors.contains { $0.hasPrefix("Content/documents/f.md:4:7: error: slug '../../etc'") })
        #expect(errors.count == 6, "\(errors)")
    }

    @Test func duplicateIdsAreAnError() throws {
        let site = try TestSite([
            "Content/documents/a.md": markdownDocument(extra: "slug: same\n"),
            "Content/documents/b.md": markdownDocument(extra: "slug: same\n"),
        ])
        defer { site.remove() }
        #expect(site.errors() == ["Content/documents/b.md:1:1: error: two documents have the id 'same' (the other is Content/documents/a.md); rename one or set 'slug'"])
    }

    @Test func windowsLineEndingsReadLikeAnyOther() throws {
        let site = try TestSite(["Content/documents/w.md": "---\r\ntitle: W\r\ndate: 2013\r\n---\r\n\r\nQUESTION: One\r\ntwo.\r\n\r\nMR. A: Three.\r\n"])
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let transcript = try #require(loaded?.document("w")?.transcript)
        #expect(transcript.turns.map(\.speakerID) == ["question", "mr-a"])
        #expect(transcript.paragraphs[0].plainText == "One two.")
    }

    @Test func invalidUTF8IsAnErrorWithItsPlace() throws {
        let site = try TestSite(["Content/documents/bad.yml": "title: Bad\ndate: 2013\n"])
        defer { site.remove() }
        try Data([0x4F, 0x4B, 0x0A, 0x61, 0xFF, 0x62]).write(to: site.root.appendingPathComponent("Content/documents/bad.txt"))
        #expect(site.errors() == ["Content/documents/bad.txt:2:2: error: the file is not valid UTF-8 text (save it as UTF-8)"])
    }

    @Test func anEmptyContentFolderIsAnError() throws {
        let site = try TestSite(["Content/documents/.keep": ""])
        defer { site.remove() }
        #expect(site.errors() == ["Content/documents:1:1: error: Content/documents/ has no documents (.md or .txt files)"])
    }

    @Test func unknownSiteKeysAndBadBaseURL() throws {
        let site = try TestSite(["site.yml": "title: T\nbase_url: example.org\npaginat: 3\n", "Content/documents/a.md": markdownDocument()])
        defer { site.remove() }
        #expect(site.errors() == [
            "site.yml:2:11: error: base_url must be an absolute http(s) URL such as https://example.edu/hist210/, not 'example.org'",
            "site.yml:3:1: error: unknown key 'paginat' in site.yml; did you mean 'paginate'?",
        ])
    }

    @Test func collectionsNameExistingDocuments() throws {
        let site = try TestSite([
            "Content/documents/a-speech.md": markdownDocument(),
            "Content/collections/week-1.md": "---\ntitle: Week 1\ndocuments:\n  - a-speech\n  - {id: a-speach, note: Read it}\n---\nIntro.\n",
        ])
        defer { site.remove() }
        #expect(site.errors() == ["Content/collections/week-1.md:5:10: error: the reading list names a document 'a-speach' that does not exist; did you mean 'a-speech'?"])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try TestSite(["Content/documents/a.md": markdownDocument(extra: "draft: true\n"), "Content/documents/b.md": markdownDocument()])
        defer { site.remove() }
        #expect(site.load().0?.documents.map(\.id) == ["b"])
        #expect(SiteBuilder.loadSite(BuildOptions(siteDirectory: site.root, includeDrafts: true)).0?.documents.count == 2)
    }
}
