import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaResolve
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

@Suite struct AnnotationReaderTests {
    let path = "Content/documents/kerry.md"

    /// Reads front matter YAML as the document loader does (it starts on line 2, after `---`).
    func read(_ yaml: String, unsafeHTML: Bool = false) -> ([Annotation], [String]) {
        var diagnostics = DiagnosticList()
        guard let mapping = YAMLSource(path: path, text: yaml, lineOffset: 1).parseMapping(&diagnostics, what: "document metadata") else {
            return ([], diagnostics.all.map(\.description))
        }
        let annotations = AnnotationReader.read(metadata: mapping, unsafeHTML: unsafeHTML, &diagnostics)
        return (annotations, diagnostics.sorted.map(\.description))
    }

    @Test func readsEveryKey() throws {
        let (annotations, errors) = read("""
        title: T
        annotations:
          - quote: "let me begin with the alternative"
            prefix: "Well, the –"
            suffix: ". The alternative"
            occurrence: 2
            note: "Kerry *reframes* the question."
            kind: context
            author: A. Editor
            tags: [rhetoric, syria]
          - quote: Lavrov
            link: sergey-lavrov
        """)
        #expect(errors == [])
        try #require(annotations.count == 2)
        let first = annotations[0]
        #expect(first.quote == "let me begin with the alternative")
        #expect(first.prefix == "Well, the –")
        #expect(first.suffix == ". The alternative")
        #expect(first.occurrence == 2)
        #expect(first.kind == .context)
        #expect(first.noteMarkdown == "Kerry *reframes* the question.")
        #expect(first.noteHTML == "<p>Kerry <em>reframes</em> the question.</p>")
        #expect(first.author == "A. Editor")
        #expect(first.tags == ["rhetoric", "syria"])
        #expect(first.location == SourceLocation(path: path, line: 4, column: 5))  // front matter starts on line 2
        #expect(annotations[1].kind == .link)
        #expect(annotations[1].link == "sergey-lavrov")
        #expect(annotations[1].noteHTML == nil)
        #expect(annotations[1].linkLocation == SourceLocation(path: path, line: 13, column: 11))
    }

    @Test func kindDefaultsToNote() {
        let (annotations, errors) = read("annotations:\n  - {quote: a passage, note: a note}\n")
        #expect(errors == [])
        #expect(annotations.map(\.kind) == [.note])
    }

    @Test func aLinkBesideAnotherKindKeepsTheKind() {
        let (annotations, _) = read("annotations:\n  - {quote: a passage, note: see him, kind: context, link: john-kerry}\n")
        #expect(annotations.map(\.kind) == [.context])
        #expect(annotations.first?.link == "john-kerry")
    }

    @Test func unknownKeyWithDidYouMean() {
        let (annotations, errors) = read("annotations:\n  - quote: a passage\n    note: a note\n    sufix: after\n")
        #expect(errors == ["\(path):5:5: error: unknown key 'sufix' in an annotation; did you mean 'suffix'?"])
        #expect(annotations.count == 1)
    }

    @Test func missingQuote() {
        let (annotations, errors) = read("annotations:\n  - note: a note\n")
        #expect(errors == ["\(path):3:5: error: an annotation needs a 'quote': the passage it is about, as a reader sees it"])
        #expect(annotations.isEmpty)
    }

    @Test func emptyQuote() {
        let (_, errors) = read("annotations:\n  - quote: \"  \"\n    note: a note\n  - quote:\n    note: b\n")
        #expect(errors == [
            "\(path):3:12: error: 'quote' is empty: give the passage the annotation is about",
            "\(path):5:11: error: 'quote' is empty: give the passage the annotation is about",
        ])
    }

    @Test func aQuoteWithABlankLineSpansParagraphs() {
        let (_, errors) = read("annotations:\n  - quote: |\n      first paragraph\n\n      second paragraph\n    note: a note\n")
        #expect(errors == ["\(path):3:12: error: a quote must lie within one paragraph, but this one has a blank line; split it into two annotations"])
    }

    @Test func missingNote() {
        let (_, errors) = read("annotations:\n  - quote: a passage\n")
        #expect(errors == ["\(path):3:5: error: an annotation needs a 'note' (or a 'link' to a document or speaker)"])
    }

    @Test func unknownKindWithDidYouMean() {
        let (annotations, errors) = read("annotations:\n  - {quote: a passage, note: n, kind: questoin}\n")
        #expect(errors == ["\(path):3:39: error: 'kind' must be one of note, question, context, correction, link, not 'questoin'; did you mean 'question'?"])
        #expect(annotations.isEmpty)
    }

    @Test func kindLinkNeedsALink() {
        let (_, errors) = read("annotations:\n  - {quote: a passage, note: n, kind: link}\n")
        #expect(errors == ["\(path):3:39: error: kind 'link' needs a 'link': the id of a document or speaker"])
    }

    @Test func occurrenceMustBeAPositiveWholeNumber() {
        let (annotations, errors) = read("annotations:\n  - {quote: a, note: n, occurrence: 0}\n  - {quote: b, note: n, occurrence: two}\n")
        #expect(errors == [
            "\(path):3:37: error: 'occurrence' counts matches from 1, so it cannot be 0",
            "\(path):4:37: error: 'occurrence' must be a whole number, not 'two'",
        ])
        #expect(annotations.isEmpty)
    }

    @Test func anAnnotationMustBeAMapping() {
        let (_, errors) = read("annotations:\n  - just a string\n")
        #expect(errors == ["\(path):3:5: error: an annotation must be a mapping with at least 'quote' and 'note', such as '- {quote: …, note: …}'"])
    }

    @Test func aFieldMustBeASingleValue() {
        let (_, errors) = read("annotations:\n  - {quote: [a, b], note: n}\n")
        #expect(errors == ["\(path):3:13: error: 'quote' must be a single value, not a list or mapping"])
    }

    @Test func rawHTMLInANoteIsOmittedWithAWarning() throws {
        let (annotations, messages) = read("annotations:\n  - {quote: a, note: \"a <script>alert(1)</script> *b*\"}\n")
        #expect(messages == ["\(path):3:22: warning: raw HTML in a note is omitted; write Markdown, or set 'unsafe_html: true' in site.yml to keep it"])
        let html = try #require(annotations.first?.noteHTML)
        #expect(!html.contains("<script"))
        #expect(html.contains("<em>b</em>"))
    }

    @Test func rawHTMLInANoteIsKeptWhenTheSiteAllowsIt() {
        let (annotations, messages) = read("annotations:\n  - {quote: a, note: \"x <abbr>UN</abbr>\"}\n", unsafeHTML: true)
        #expect(messages == [])
        #expect(annotations.first?.noteHTML == "<p>x <abbr>UN</abbr></p>")
    }

    @Test func noAnnotationsKey() {
        let (annotations, errors) = read("title: T\n")
        #expect(annotations.isEmpty)
        #expect(errors.isEmpty)
    }

    @Test func sidecarNotesFile() {
        var diagnostics = DiagnosticList()
        let notes = "annotations:\n  - quote: a passage\n    note: a note\n    kind: question\n"
        let annotations = AnnotationReader.read(notesFile: notes, path: "Content/documents/kerry.notes.yml", unsafeHTML: false, &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(annotations.map(\.kind) == [.question])
        #expect(annotations.first?.location == SourceLocation(path: "Content/documents/kerry.notes.yml", line: 2, column: 5))
    }

    @Test func sidecarWithAnUnknownTopLevelKey() {
        var diagnostics = DiagnosticList()
        let annotations = AnnotationReader.read(notesFile: "anotations:\n  - {quote: a, note: b}\n", path: "k.notes.yml", unsafeHTML: false, &diagnostics)
        #expect(annotations.isEmpty)
        #expect(diagnostics.all.map(\.description) == ["k.notes.yml:1:1: error: unknown key 'anotations' in an annotations file; did you mean 'annotations'?"])
    }

    @Test func sidecarThatIsNotAMapping() {
        var diagnostics = DiagnosticList()
        _ = AnnotationReader.read(notesFile: "- quote: a\n", path: "k.notes.yml", unsafeHTML: false, &diagnostics)
        #expect(diagnostics.all.map(\.description) == ["k.notes.yml:1:1: error: an annotations file must be a mapping of keys to values"])
    }

    @Test func linksToUnknownIdsAreErrorsWithDidYouMean() {
        let (annotations, _) = read("annotations:\n  - {quote: a, link: sergei-lavrov}\n  - {quote: b, link: john-kerry}\n  - {quote: c, link: zzz}\n")
        var diagnostics = DiagnosticList()
        AnnotationLinks.check(annotations, documentIDs: ["kerry-lavrov-2013"], speakerIDs: ["john-kerry", "sergey-lavrov"], &diagnostics)
        #expect(diagnostics.all.map(\.description) == [
            "\(path):3:22: error: 'link' names 'sergei-lavrov', which is neither a document nor a speaker; did you mean 'sergey-lavrov'?",
            "\(path):5:22: error: 'link' names 'zzz', which is neither a document nor a speaker",
        ])
        #expect(AnnotationLinks.resolve("john-kerry", documentIDs: [], speakerIDs: ["john-kerry"]) == .speaker("john-kerry"))
        #expect(AnnotationLinks.resolve("kerry-lavrov-2013", documentIDs: ["kerry-lavrov-2013"], speakerIDs: []) == .document("kerry-lavrov-2013"))
    }
}
