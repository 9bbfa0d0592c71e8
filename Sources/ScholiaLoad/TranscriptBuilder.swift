import Foundation
import Markdown
import ScholiaModel

/// Builds a transcript from Markdown or plain text, starting a turn at each paragraph that opens with a label.
struct TranscriptBuilder {
    let labels: SpeakerLabels
    private var turns: [TranscriptTurn] = []
    private var paragraphCount = 0
    /// A document has few distinct labels and many paragraphs: each label is judged and resolved once.
    private var isLabelCache: [ExactText: Bool] = [:]
    private var speakerCache: [ExactText: (id: String, declared: Bool)] = [:]

    /// A key compared by its UTF-8 bytes: String equality is canonical equivalence, and a label spelt with a
    /// combining accent (or a Kelvin sign for a K) may read differently from its composed twin.
    private struct ExactText: Hashable {
        let text: String
        static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

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
    mutating func splitLabel(_ paragraph: String) -> (FoundLabel?, String) {
        guard let scan = TranscriptBytes.scanLabel(paragraph) else { return characterSplitLabel(paragraph) }
        guard case .candidate(let found) = scan else { return (nil, paragraph) }
        let utf8 = paragraph.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let candidate = String(paragraph[index(found.candidate.lowerBound)..<index(found.candidate.upperBound)])
        guard isLabel(candidate) else { return (nil, paragraph) }
        // The bytes before the colon are ASCII, one Character each.
        return (FoundLabel(text: candidate, consumed: found.colon + 1), String(paragraph[index(found.rest)...]))
    }

    /// `splitLabel` by Characters, for text the byte scan leaves undecided.
    mutating func characterSplitLabel(_ paragraph: String) -> (FoundLabel?, String) {
        guard let colon = paragraph.prefix(80).firstIndex(of: ":") else { return (nil, paragraph) }
        let candidate = paragraph[..<colon].trimmingCharacters(in: .whitespaces)
        guard !candidate.isEmpty, isLabel(candidate) else { return (nil, paragraph) }
        let afterColon = paragraph[paragraph.index(after: colon)...]
        let rest = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        let consumed = paragraph.distance(from: paragraph.startIndex, to: colon) + 1
        return (FoundLabel(text: candidate, consumed: consumed), String(rest))
    }

    private mutating func isLabel(_ candidate: String) -> Bool {
        let key = ExactText(text: candidate)
        if let known = isLabelCache[key] { return known }
        let answer = labels.isLabel(candidate)
        isLabelCache[key] = answer
        return answer
    }

    private mutating func speaker(for label: String) -> (id: String, declared: Bool) {
        let key = ExactText(text: label)
        if let known = speakerCache[key] { return known }
        let answer = labels.speaker(for: label)
        speakerCache[key] = answer
        return answer
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
            let speaker = self.speaker(for: label.text)
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
        TranscriptBytes.paragraphs(of: text) ?? characterParagraphs(of: text)
    }

    /// `paragraphs(of:)` by Characters, for text the byte scan leaves undecided.
    static func characterParagraphs(of text: String) -> [String] {
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
            // The same test HTML.escape starts with, here on bytes it can read directly; and scalars counted as
            // the bytes that start one.
            var needsEscaping = false
            var scalars = 0
            for byte in piece.utf8 {
                if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 { needsEscaping = true }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            let escaped = needsEscaping ? HTML.escape(piece) : String(piece)
            html += escaped
            layout.pieces.append(.init(.text, htmlLength: escaped.utf8.count, textLength: scalars))
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
