/// An annotation placed on the rendered text: a paragraph and a range of its `plainText`.
package struct AnchoredAnnotation: Sendable, Hashable, Codable {
    /// 1, 2, … in document order (by paragraph, then start); stable for the same input.
    package var number: Int
    package var annotation: Annotation
    /// The paragraph's number (`id="pN"`).
    package var paragraph: Int
    /// Character offsets in the paragraph's `plainText`.
    package var range: Range<Int>

    package init(number: Int, annotation: Annotation, paragraph: Int, range: Range<Int>) {
        self.number = number
        self.annotation = annotation
        self.paragraph = paragraph
        self.range = range
    }

    /// The note's anchor (`id="anno-N"`), where the passage's reference links to.
    package var noteID: String { "anno-\(number)" }
    /// The passage's anchor (`id="anno-N-ref"`), where the note links back to.
    package var passageID: String { "anno-\(number)-ref" }

    /// The passage as the page shows it.
    func exact(in plainText: String) -> String {
        String(plainText.dropFirst(range.lowerBound).prefix(range.count))
    }
}
