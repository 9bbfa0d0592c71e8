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
            builder.addParagraph(label: label, html: Self.editorialHTML(rest), plainText: rest)
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
                builder.addParagraph(label: label, html: block.innerHTML, plainText: block.plainText)
            case .heading:
                block.markEditorialRemarks()
                builder.turns.append(TranscriptTurn(label: nil, speakerID: nil, isDeclaredSpeaker: false, blocks: [.other(html: block.html)]))
                builder.turns.append(TranscriptTurn(label: nil, speakerID: nil, isDeclaredSpeaker: false, blocks: []))
            case .other:
                block.markEditorialRemarks()
                builder.appendToCurrentTurn(.other(html: block.html))
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

    private mutating func addParagraph(label: FoundLabel?, html: String, plainText: String) {
        paragraphCount += 1
        let paragraph = TranscriptBlock.paragraph(TranscriptParagraph(number: paragraphCount, html: html, plainText: plainText))
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

    /// Escapes plain text and marks its editorial remarks.
    static func editorialHTML(_ text: String) -> String {
        var html = ""
        var cursor = text.startIndex
        for range in EditorialRemarks.ranges(in: text) {
            html += HTML.escape(text[cursor..<range.lowerBound])
            html += #"<span class="editorial">"# + HTML.escape(text[range]) + "</span>"
            cursor = range.upperBound
        }
        return html + HTML.escape(text[cursor...])
    }
}
