/// An annotation placed on the rendered text: a paragraph and a range of its `plainText`.
public struct AnchoredAnnotation: Sendable, Hashable, Codable {
    /// 1, 2, … in document order (by paragraph, then start); stable for the same input.
    public var number: Int
    public var annotation: Annotation
    /// The paragraph's number (`id="pN"`).
    public var paragraph: Int
    /// Character offsets in the paragraph's `plainText`.
    public var range: Range<Int>

    public init(number: Int, annotation: Annotation, paragraph: Int, range: Range<Int>) {
        self.number = number
        self.annotation = annotation
        self.paragraph = paragraph
        self.range = range
    }

    /// The note's anchor (`id="anno-N"`), where the passage's reference links to.
    public var noteID: String { "anno-\(number)" }
    /// The passage's anchor (`id="anno-N-ref"`), where the note links back to.
    public var passageID: String { "anno-\(number)-ref" }

    /// The passage as the page shows it.
    public func exact(in plainText: String) -> String {
        String(plainText.dropFirst(range.lowerBound).prefix(range.count))
    }

    public var highlight: HTMLHighlighter.Highlight {
        HTMLHighlighter.Highlight(range: range, number: number, kind: annotation.kind)
    }
}
