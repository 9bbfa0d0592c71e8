/// What an annotation does, which decides how it is shown and its W3C motivation.
package enum AnnotationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case note, question, context, correction, link

    /// How a screen reader announces the numbered reference ("Question 3").
    package var title: String {
        switch self {
        case .note: "Note"
        case .question: "Question"
        case .context: "Context"
        case .correction: "Correction"
        case .link: "Link"
        }
    }
}

/// One annotation as written in YAML: a W3C TextQuoteSelector (quote, prefix, suffix) with a note.
package struct Annotation: Sendable, Hashable, Codable {
    /// The passage as a reader sees it; matched tolerantly against the rendered text.
    package var quote: String
    package var prefix: String?
    package var suffix: String?
    /// 1-based: which of several matches (after prefix and suffix) is meant.
    package var occurrence: Int?
    package var kind: AnnotationKind
    /// The note as written (Markdown), exported as is.
    package var noteMarkdown: String?
    /// The note rendered to block HTML (raw HTML omitted unless the site allows it).
    package var noteHTML: String?
    /// An id of a document or a speaker; checked against the site by `AnnotationLinks`.
    package var link: String?
    package var author: String?
    package var tags: [String]
    /// Where the annotation starts (its list item), for errors about it.
    package var location: SourceLocation
    /// Where the `link` value is, for an unknown id.
    package var linkLocation: SourceLocation?

    package init(quote: String, prefix: String? = nil, suffix: String? = nil, occurrence: Int? = nil,
                kind: AnnotationKind = .note, noteMarkdown: String? = nil, noteHTML: String? = nil,
                link: String? = nil, author: String? = nil, tags: [String] = [],
                location: SourceLocation, linkLocation: SourceLocation? = nil) {
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.occurrence = occurrence
        self.kind = kind
        self.noteMarkdown = noteMarkdown
        self.noteHTML = noteHTML
        self.link = link
        self.author = author
        self.tags = tags
        self.location = location
        self.linkLocation = linkLocation
    }
}
