import Foundation
import Testing

@Suite struct AnnotationTests {
    static let files = [
        "Content/documents/press.txt": "QUESTION: Why should the Syrian people have any more confidence?\n\nSECRETARY KERRY: Well, the – let me begin with the alternative. The alternative is more violence.\n",
        "Content/documents/press.yml": "title: Press Conference\ndate: 2013-05-07\nspeakers: [{id: john-kerry, label: SECRETARY KERRY}]\n",
        "Content/documents/press.notes.yml": """
        annotations:
          - quote: "Well, the - let me begin"
            note: Kerry *starts again*.
          - quote: alternative
            occurrence: 2
            kind: question
            note: What is the alternative?
          - quote: Syrian people
            kind: link
            link: john-kerry
            note: See Kerry.
            author: A. Teacher
            tags: [syria]

        """,
        "Content/documents/speech.md": document("A Speech", extra: """
        annotations:
          - {quote: "Ask not", note: "The famous line.", kind: context}

        """, body: "Ask not what your country can do for you."),
        "Content/collections/week.md": "---\ntitle: Week\ndocuments: [press, speech]\n---\n",
    ]

    @Test func notesAreHighlightedNumberedAndExported() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("Public/documents/press/index.html")
        // Numbered in reading order: the link on ¶ 1 is note 1.
        #expect(page.contains(#"<mark class="annotation kind-link" data-anno="1" id="anno-1-ref">Syrian people</mark>"#))
        #expect(page.contains(#"<mark class="annotation kind-note" data-anno="2" id="anno-2-ref">Well, the – let me begin</mark>"#))
        #expect(page.contains(#"<details class="note kind-question" id="anno-3">"#))
        // One Tab stop per note: its summary. The reference in the text is a pointer for the mouse, and the note
        // (beside or right after its passage) needs no link back.
        #expect(page.contains(##"href="#anno-3" role="doc-noteref" tabindex="-1""##))
        #expect(!page.contains("Back to the passage"))
        #expect(page.contains(#"See <a href="/speakers/john-kerry/">John Kerry</a>"#))
        #expect(page.contains("Discussion questions"))
        #expect(page.contains(#"<section class="print-notes">"#))
        #expect(page.contains(#"data-pinpoint-html="(Kerry, 999999)""#) || page.contains("999999"))
        let jsonld = try site.read("Public/documents/press/annotations.jsonld")
        #expect(jsonld.contains(#""type": "AnnotationCollection""#))
        #expect(jsonld.contains(#""motivation": "questioning""#))
        let collection = try site.read("Public/collections/week/index.html")
        #expect(collection.contains("What is the alternative?"))
        #expect(collection.contains(#"href="/documents/press/#anno-3-ref""#))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/documents/nothing/annotations.jsonld").path))
    }

    @Test func badAnnotationsAreErrorsWithTheirPlace() throws {
        var files = Self.files
        files["Content/documents/press.notes.yml"] = """
        annotations:
          - quote: not in the text at all
            note: x
          - quote: alternative
            note: which one?
          - quote: x
            colour: red

        """
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/press.notes.yml:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("Content/documents/press.notes.yml:4:"))
        #expect(result.stderr.contains("unknown key 'colour'"))
        #expect(!result.stderr.contains("week.md"), "a reading list naming a document with errors is not reported too")
    }

    @Test func aLinkToNothingIsAnError() throws {
        var files = Self.files
        files["Content/documents/speech.md"] = document("A Speech", extra: "annotations:\n  - {quote: Ask not, link: jon-kerry}\n", body: "Ask not.")
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/speech.md:5:"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'john-kerry'"))
    }

    @Test func annotationsWithoutADocumentAreAnError() throws {
        var files = Self.files
        files["Content/documents/gone.notes.yml"] = "annotations: []\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/gone.notes.yml:1:1: error: annotations without a document"))
    }

    @Test func citeAParagraph() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try CLI.run(["cite", "--site", site.root.path, "press", "--paragraph", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("APA: (Kerry, 2013, para. 2)"))
        #expect(result.stdout.contains("Chicago: Kerry, “Press Conference,” para. 2."))
        #expect(result.stdout.hasSuffix("https://example.org/documents/press/#p2\n"))
        let one = try CLI.run(["cite", "--site", site.root.path, "press", "--paragraph", "2", "--style", "apa"])
        #expect(one.stdout == "(Kerry, 2013, para. 2)\nhttps://example.org/documents/press/#p2\n")
        let missing = try CLI.run(["cite", "--site", site.root.path, "press", "--paragraph", "9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no ¶ 9"))
        #expect(try CLI.run(["cite", "--site", site.root.path, "press", "speech", "--paragraph", "1"]).status == 2)
    }
}
