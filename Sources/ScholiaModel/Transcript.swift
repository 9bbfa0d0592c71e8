import Foundation

/// A paragraph of a document's text, numbered for pinpoint links (`id="p12"`).
package struct TranscriptParagraph: Sendable, Hashable {
    package var number: Int
    /// The paragraph's content as HTML, without its speaker label.
    package var html: String
    /// What a reader sees, without markup or label.
    package var plainText: String
    /// Where `plainText` lies in `html`, recorded when the HTML was written.
    package var layout: ParagraphLayout

    package init(number: Int, html: String, plainText: String, layout: ParagraphLayout) {
        self.number = number
        self.html = html
        self.plainText = plainText
        self.layout = layout
    }
}

package enum TranscriptBlock: Sendable, Hashable {
    case paragraph(TranscriptParagraph)
    /// A heading, list, quotation or other block, as HTML, and its text: what it shows, with runs of
    /// white space made one space and none at either end.
    case other(html: String, plainText: String)
}

/// A speaker's turn (or, without a label, text outside any turn).
package struct TranscriptTurn: Sendable, Hashable {
    /// The label as written in the source: "SECRETARY KERRY", "Howard K. Smith".
    package var label: String?
    /// The speaker's id: a declared speaker's, or one made from the label ("question").
    package var speakerID: String?
    /// Whether the label belongs to one of the document's declared speakers (who have a page).
    package var isDeclaredSpeaker: Bool
    package var blocks: [TranscriptBlock]

    package init(label: String? = nil, speakerID: String? = nil, isDeclaredSpeaker: Bool, blocks: [TranscriptBlock]) {
        self.label = label
        self.speakerID = speakerID
        self.isDeclaredSpeaker = isDeclaredSpeaker
        self.blocks = blocks
    }
}

package struct Transcript: Sendable, Hashable {
    package var turns: [TranscriptTurn]

    package var paragraphs: [TranscriptParagraph] {
        turns.flatMap { $0.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } } }
    }

    package init(turns: [TranscriptTurn]) {
        self.turns = turns
    }
}
