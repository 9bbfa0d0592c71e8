import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

@Suite struct AnnotationExportTests {
    static let labels = SpeakerLabels(speakers: [
        .init(id: "john-kerry", labels: ["SECRETARY KERRY"], name: "John F. Kerry", familyName: "Kerry"),
    ])
    let documentURL = "https://example.edu/hist210/documents/kerry/"
    let collectionURL = "https://example.edu/hist210/documents/kerry/annotations.jsonld"

    let transcript = TranscriptBuilder.markdown("""
        # Opening

        QUESTION: Why should the *Syrian* people trust it?

        **SECRETARY KERRY:** Well, the – let me begin with the alternative. It’s “worse” 🇺🇸.

        - a list item
        - and another

        Café e\u{301}tude: the alternative again.
        """, unsafeHTML: false, labels: labels)

    func anchored(_ annotations: [Annotation]) -> [AnchoredAnnotation] {
        var diagnostics = DiagnosticList()
        let result = AnnotationAnchorer.anchor(annotations, in: transcript, &diagnostics)
        #expect(diagnostics.all.isEmpty)
        return result
    }

    let here = SourceLocation(path: "x.md", line: 1, column: 1)

    @Test func plainTextIsDefinedAsDocumented() {
        #expect(DocumentPlainText(transcript).text == """
            Opening

            QUESTION: Why should the Syrian people trust it?

            SECRETARY KERRY: Well, the – let me begin with the alternative. It’s “worse” 🇺🇸.

            a list item and another

            Café e\u{301}tude: the alternative again.
            """)
    }

    @Test func collectionShape() throws {
        let annotations = anchored([
            Annotation(quote: "let me begin", kind: .question, noteMarkdown: "Why *begin* here?", author: "A. Teacher",
                       tags: ["rhetoric", "syria"], location: here),
            Annotation(quote: "Syrian people", noteMarkdown: "The <people>.", location: here),
            Annotation(quote: "Well", kind: .link, link: "john-kerry", location: here),
        ])
        let json = WebAnnotationExport.collection(annotations, transcript: transcript, title: "Kerry", documentURL: documentURL,
                                                  collectionURL: collectionURL, language: "en",
                                                  linkURL: { "https://example.edu/hist210/speakers/\($0)/" })
        #expect(json["@context"] == .string("http://www.w3.org/ns/anno.jsonld"))
        #expect(json["type"] == .string("AnnotationCollection"))
        #expect(json["total"] == .int(3))
        let first = try #require(json["first"])
        #expect(first["type"] == .string("AnnotationPage"))
        guard case .array(let items)? = first["items"] else { Issue.record("no items"); return }
        #expect(items.map { $0["id"]?.stringValue } == ["\(documentURL)#anno-1", "\(documentURL)#anno-2", "\(documentURL)#anno-3"])
        #expect(items.map { $0["motivation"]?.stringValue } == ["commenting", "linking", "questioning"])
        let question = items[2]
        #expect(question["creator"] == .object([("type", .string("Person")), ("name", .string("A. Teacher"))]))
        #expect(question["body"] == .array([
            .object([("type", .string("TextualBody")), ("value", .string("Why *begin* here?")), ("format", .string("text/markdown")),
                     ("language", .string("en")), ("purpose", .string("questioning"))]),
            .object([("type", .string("TextualBody")), ("value", .string("rhetoric")), ("purpose", .string("tagging"))]),
            .object([("type", .string("TextualBody")), ("value", .string("syria")), ("purpose", .string("tagging"))]),
        ]))
        #expect(items[1]["body"] == .array([
            .object([("type", .string("SpecificResource")), ("source", .string("https://example.edu/hist210/speakers/john-kerry/")),
                     ("purpose", .string("linking"))]),
        ]))
        #expect(question["target"]?["source"] == .string(documentURL))
        // Markup in a note is data: JSON escapes it, so the file can never inject HTML.
        let text = WebAnnotationExport.jsonld(annotations, transcript: transcript, title: "Kerry", documentURL: documentURL, collectionURL: collectionURL)
        #expect(text.contains(#""The \u003cpeople\u003e.""#))
    }

    @Test func emptyCollectionHasNoFirstPage() {
        let json = WebAnnotationExport.collection([], transcript: transcript, title: "Kerry", documentURL: documentURL, collectionURL: collectionURL)
        #expect(json["total"] == .int(0))
        #expect(json["first"] == nil)
    }

    @Test func sameInputSameBytes() {
        let annotations = anchored([Annotation(quote: "alternative", occurrence: 2, noteMarkdown: "n", tags: ["b", "a"], location: here)])
        let once = WebAnnotationExport.jsonld(annotations, transcript: transcript, title: "Kerry", documentURL: documentURL, collectionURL: collectionURL)
        let twice = WebAnnotationExport.jsonld(annotations, transcript: transcript, title: "Kerry", documentURL: documentURL, collectionURL: collectionURL)
        #expect(once == twice)
        #expect(once.hasSuffix("}\n"))
    }

    @Test func selectorsReanchorInThePlainText() throws {
        let annotations = anchored([
            Annotation(quote: "Why should the Syrian", noteMarkdown: "n", location: here),
            Annotation(quote: "the - let me begin", noteMarkdown: "n", location: here),
            Annotation(quote: "It's \"worse\" 🇺🇸", noteMarkdown: "n", location: here),
            Annotation(quote: "étude", noteMarkdown: "n", location: here),
            Annotation(quote: "Café", noteMarkdown: "n", location: here),
            Annotation(quote: "alternative", occurrence: 2, noteMarkdown: "n", location: here),
        ])
        #expect(annotations.count == 6)
        try expectReanchors(annotations, transcript: transcript)
    }

    /// The seed transcript: two windows of words from every paragraph, exported and found again.
    @Test func selectorsReanchorOnTheSeedTranscript() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Content/documents/kerry-lavrov-press-conference-2013-05-07.txt"), encoding: .utf8)
        let transcript = TranscriptBuilder.plainText(text, labels: Self.labels)
        var random = SplitMix64(seed: 7)
        var annotations: [Annotation] = []
        for paragraph in transcript.paragraphs {
            let words = paragraph.plainText.split(separator: " ")
            guard words.count > 8 else { continue }
            for _ in 0..<2 {
                let start = Int.random(in: 0..<(words.count - 6), using: &random)
                let before = words[max(0, start - 3)..<start].joined(separator: " ")
                annotations.append(Annotation(quote: words[start..<(start + 5)].joined(separator: " "), prefix: before.isEmpty ? nil : before,
                                              noteMarkdown: "n", location: here))
            }
        }
        var diagnostics = DiagnosticList()
        let anchored = AnnotationAnchorer.anchor(annotations, in: transcript, &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(anchored.count >= 10)
        try expectReanchors(anchored, transcript: transcript)
    }

    /// Each item's exact text, with its prefix and suffix, is at its TextPositionSelector in the plain text.
    func expectReanchors(_ annotations: [AnchoredAnnotation], transcript: Transcript) throws {
        let json = WebAnnotationExport.collection(annotations, transcript: transcript, title: "T", documentURL: documentURL, collectionURL: collectionURL)
        guard case .array(let items)? = json["first"]?["items"] else { Issue.record("no items"); return }
        #expect(items.count == annotations.count)
        let plain = Array(DocumentPlainText(transcript).text.unicodeScalars)
        for (item, annotation) in zip(items, annotations) {
            guard case .array(let selectors)? = item["target"]?["selector"] else { Issue.record("no selectors"); continue }
            let quote = try #require(selectors.first { $0["type"] == .string("TextQuoteSelector") })
            let position = try #require(selectors.first { $0["type"] == .string("TextPositionSelector") })
            guard case .int(let start)? = position["start"], case .int(let end)? = position["end"] else { Issue.record("no position"); continue }
            let exact = Array(try #require(quote["exact"]?.stringValue).unicodeScalars)
            let prefix = Array(try #require(quote["prefix"]?.stringValue).unicodeScalars)
            let suffix = Array(try #require(quote["suffix"]?.stringValue).unicodeScalars)
            #expect(Array(plain[start..<end]) == exact)
            #expect(start >= prefix.count && Array(plain[(start - prefix.count)..<start]) == prefix)
            #expect(end + suffix.count <= plain.count && Array(plain[end..<(end + suffix.count)]) == suffix)
            #expect(String(String.UnicodeScalarView(exact)).count == annotation.range.count)
            #expect(String(String.UnicodeScalarView(prefix)).count <= 32 && String(String.UnicodeScalarView(suffix)).count <= 32)
        }
    }
}
