import ScholiaModel
import ScholiaLoad

extension Transcript {
    /// The transcript with each annotated paragraph's HTML highlighted (see `HTMLHighlighter`), so that
    /// the page renders it as any other; plain text and numbering are unchanged.
    func highlighting(_ annotations: [AnchoredAnnotation]) -> Transcript {
        guard !annotations.isEmpty else { return self }
        let byParagraph = Dictionary(grouping: annotations, by: \.paragraph)
        var copy = self
        for turn in copy.turns.indices {
            for block in copy.turns[turn].blocks.indices {
                guard case .paragraph(var paragraph) = copy.turns[turn].blocks[block],
                      let marks = byParagraph[paragraph.number] else { continue }
                paragraph.html = HTMLHighlighter.highlight(paragraph, marks.map(\.highlight))
                copy.turns[turn].blocks[block] = .paragraph(paragraph)
            }
        }
        return copy
    }
}

extension AnchoredAnnotation {
    var highlight: HTMLHighlighter.Highlight {
        HTMLHighlighter.Highlight(range: range, number: number, kind: annotation.kind)
    }
}
