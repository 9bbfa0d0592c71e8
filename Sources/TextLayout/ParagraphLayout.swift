/// How a paragraph's HTML lines up with its plain text, recorded by the walk that wrote both (see
/// `TranscriptBuilder`), so that highlighting finds the HTML position of a plain-text offset without
/// reading the HTML again. Its own target, so that the Markdown walk writes it and the model keeps it.
///
/// The HTML is cut into consecutive pieces, each with a kind, its length in the HTML (UTF-8 bytes) and
/// its length in the plain text (Unicode scalars). It describes `html` as built: a highlighted copy of
/// the paragraph keeps the layout of the text before highlighting.
package struct ParagraphLayout: Sendable, Hashable {
    package enum Kind: UInt8, Sendable {
        /// Escaped text: each scalar of the plain text written as itself or as one entity (`&amp;`),
        /// except that a line break is "\n" in the HTML and a space in the plain text.
        case text
        /// Markup that stands for text as a whole: an image, for its description.
        case atom
        /// Markup without text that may sit anywhere: `<br />`, a comment, a void element.
        case inline
        case open, close
        /// A link's tags, apart because links cannot nest.
        case openLink, closeLink
    }

    package struct Piece: Sendable, Hashable {
        package var kind: Kind
        // 32 bits: a paragraph is far shorter than 2 GB, and the layout of a long transcript stays small.
        private var html: Int32
        private var text: Int32

        package init(_ kind: Kind, htmlLength: Int, textLength: Int = 0) {
            self.kind = kind
            html = Int32(htmlLength)
            text = Int32(textLength)
        }

        package var htmlLength: Int { Int(html) }
        package var textLength: Int {
            get { Int(text) }
            set { text = Int32(newValue) }
        }
    }

    package var pieces: [Piece]

    package init(_ pieces: [Piece] = []) { self.pieces = pieces }
}
