import Foundation
import Markdown
import ScholiaModel

/// Builds a transcript from Markdown or plain text, starting a turn at each paragraph that opens with a label.
struct TranscriptBuilder {
    let labels: SpeakerLabels
    private var turns: [TranscriptTurn] = []
    private var paragraphCount = 0

    init(labels: SpeakerLabels) { self.labels = labels }

    /// Plain text: literal characters, paragraphs split on blank lines, hard-wrapped lines joined.
    static func plainText(_ text: String, labels: SpeakerLabels) -> Transcript {
        var builder = TranscriptBuilder(labels: labels)
        for paragraph in paragraphs(of: text) {
            let (label, rest) = builder.splitLabel(paragraph)
            let (html, layout) = Self.editorialHTML(rest)
            builder.addParagraph(label: label, html: html, plainText: rest, layout: layout)
        }
        return Transcript(turns: builder.turns)
    }

    static func markdown(_ text: String, unsafeHTML: Bool, labels: SpeakerLabels) -> Transcript {
        var builder = TranscriptBuilder(labels: labels)
        let document = MarkdownDocument(text, unsafeHTML: unsafeHTML)
        for block in document.blocks {
            switch block.kind {
            case .paragraph:
                let text = block.plainText
                let (label, _) = builder.splitLabel(text)
                if let label {
                    block.removeLeadingText(characters: label.consumed)
                }
                block.markEditorialRemarks()
                // One walk writes the HTML and the plain text and records how they line up.
                let rendered = block.inlineRendering
                builder.addParagraph(label: label, html: rendered.html, plainText: rendered.plainText,
                                     layout: rendered.layout)
            case .heading:
                block.markEditorialRemarks()
                builder.turns.append(TranscriptTurn(label: nil, speakerID: nil, isDeclaredSpeaker: false, blocks: [Self.other(block)]))
                builder.turns.append(TranscriptTurn(label: nil, speakerID: nil, isDeclaredSpeaker: false, blocks: []))
            case .other:
                block.markEditorialRemarks()
                builder.appendToCurrentTurn(Self.other(block))
            }
        }
        return Transcript(turns: builder.turns.filter { !$0.blocks.isEmpty })
    }

    struct FoundLabel {
        var text: String
        /// Characters of the paragraph taken by the label, its colon and the space after it.
        var consumed: Int
    }

    /// A paragraph starts a turn when it begins with `LABEL:` and LABEL is a declared label or looks like one.
    func splitLabel(_ paragraph: String) -> (FoundLabel?, String) {
        guard let colon = paragraph.prefix(80).firstIndex(of: ":") else { return (nil, paragraph) }
        let candidate = paragraph[..<colon].trimmingCharacters(in: .whitespaces)
        guard !candidate.isEmpty, labels.isLabel(candidate) else { return (nil, paragraph) }
        let afterColon = paragraph[paragraph.index(after: colon)...]
        let rest = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        let consumed = paragraph.distance(from: paragraph.startIndex, to: colon) + 1
        return (FoundLabel(text: candidate, consumed: consumed), String(rest))
    }

    /// A block other than a paragraph, with its text read from the Markdown tree; raw HTML kept with
    /// `unsafeHTML` is the only part whose text is read from HTML.
    private static func other(_ block: MarkdownBlock) -> TranscriptBlock {
        let text = block.readableText(rawHTMLText: InlineHTML.textContent)
        return .other(html: block.html, plainText: text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    private mutating func addParagraph(label: FoundLabel?, html: String, plainText: String, layout: ParagraphLayout) {
        paragraphCount += 1
        let paragraph = TranscriptBlock.paragraph(TranscriptParagraph(number: paragraphCount, html: html, plainText: plainText, layout: layout))
        if let label {
            let speaker = labels.speaker(for: label.text)
            turns.append(TranscriptTurn(label: label.text, speakerID: speaker.id, isDeclaredSpeaker: speaker.declared, blocks: [paragraph]))
        } else {
            appendToCurrentTurn(paragraph)
        }
    }

    private mutating func appendToCurrentTurn(_ block: TranscriptBlock) {
        if turns.isEmpty { turns.append(TranscriptTurn(label: nil, speakerID: nil, isDeclaredSpeaker: false, blocks: [])) }
        turns[turns.count - 1].blocks.append(block)
    }

    static func paragraphs(of text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// Escapes plain text and marks its editorial remarks, recording where the text lies in the HTML.
    static func editorialHTML(_ text: String) -> (String, ParagraphLayout) {
        var html = ""
        var layout = ParagraphLayout()
        func add(_ piece: Substring) {
            guard !piece.isEmpty else { return }
            let escaped = HTML.escape(piece)
            html += escaped
            layout.pieces.append(.init(.text, htmlLength: escaped.utf8.count, textLength: piece.unicodeScalars.count))
        }
        func add(markup: String, _ kind: ParagraphLayout.Kind) {
            html += markup
            layout.pieces.append(.init(kind, htmlLength: markup.utf8.count))
        }
        var cursor = text.startIndex
        for range in EditorialRemarks.ranges(in: text) {
            add(text[cursor..<range.lowerBound])
            add(markup: #"<span class="editorial">"#, .open)
            add(text[range])
            add(markup: "</span>", .close)
            cursor = range.upperBound
        }
        add(text[cursor...])
        return (html, layout)
    }
}
