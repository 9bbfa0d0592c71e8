import ScholiaModel

/// The document's plain text, over which exported selectors count positions. It is made from the
/// transcript's recorded text (never from its HTML), so that it reads like the page:
///
/// - each paragraph, in order, is its `plainText`, preceded by its turn's label and ": " when it
///   starts a speaker turn (`SECRETARY KERRY: Well, the – let me begin…`);
/// - each other block (heading, list, block quotation) is its `plainText`: what it shows, runs of white
///   space made one space, trimmed; an empty one is skipped;
/// - blocks are joined by a blank line ("\n\n"); there is no leading or trailing white space.
///
/// The title, summary and other metadata are not part of it. Positions (`TextPositionSelector`) count
/// Unicode code points, as the W3C Web Annotation model asks.
package struct DocumentPlainText: Sendable, Hashable {
    package let text: String
    /// Where each paragraph's `plainText` starts in `text`, by paragraph number.
    let paragraphStarts: [Int: Position]

    /// An offset counted both ways: Characters (Swift) and Unicode code points (W3C).
    struct Position: Sendable, Hashable {
        var characters: Int
        var scalars: Int
    }

    package init(_ transcript: Transcript) {
        var text = ""
        var starts: [Int: Position] = [:]
        var characters = 0, scalars = 0
        func add(_ piece: String) {
            text += piece
            characters += piece.count
            scalars += piece.unicodeScalars.count
        }
        for turn in transcript.turns {
            var label = turn.label
            for block in turn.blocks {
                switch block {
                case .paragraph(let paragraph):
                    if !text.isEmpty { add("\n\n") }
                    if let text = label { add(text + ": ") }
                    label = nil
                    starts[paragraph.number] = Position(characters: characters, scalars: scalars)
                    add(paragraph.plainText)
                case .other(_, let content):
                    guard !content.isEmpty else { continue }
                    if !text.isEmpty { add("\n\n") }
                    add(content)
                }
            }
        }
        self.text = text
        paragraphStarts = starts
    }

    /// The Unicode code point offset in `text` of Character `offset` of paragraph `number`'s plain text.
    package func scalarOffset(paragraph number: Int, plainText: String, characterOffset offset: Int) -> Int? {
        guard let start = paragraphStarts[number] else { return nil }
        return start.scalars + plainText.prefix(offset).unicodeScalars.count
    }
}
