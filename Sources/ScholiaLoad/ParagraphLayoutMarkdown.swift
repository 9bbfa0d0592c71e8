import Markdown
import ScholiaModel

extension ParagraphLayout {
    /// The layout the Markdown walk recorded (see `InlineRendering`), in the model's terms.
    init(_ pieces: [InlineRendering.Piece]) {
        self.init(pieces.map { piece in
            let kind: Kind = switch piece.kind {
            case .text: .text
            case .atom: .atom
            case .inline: .inline
            case .open: .open
            case .close: .close
            case .openLink: .openLink
            case .closeLink: .closeLink
            }
            return Piece(kind, htmlLength: piece.htmlLength, textLength: piece.textLength)
        })
    }
}
