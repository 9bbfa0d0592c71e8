/// The passage most like a quote that matched nowhere, to show in the error: the quote is usually
/// right but for a word or two, so the longest stretch that agrees with its start or its end points
/// at the place meant.
struct ClosestPassage {
    var paragraph: Int
    var excerpt: String
    /// Whether it differs from the quote only in capital letters.
    var differsOnlyInCase: Bool

    /// Fewer folded characters in common than this is chance, not a near miss.
    static let minimumAgreement = 4

    static func find(_ quote: [Character], in paragraphs: [TranscriptParagraph], folded: [TolerantText]) -> ClosestPassage? {
        guard !quote.isEmpty else { return nil }
        let lowerQuote = TolerantText.folded(String(quote).lowercased())
        for (paragraph, text) in zip(paragraphs, folded) {
            let lower = TolerantText(paragraph.plainText.lowercased())
            // Lowercasing keeps the Character count for the scripts transcripts use, so offsets still fit.
            if lower.count == text.count, let match = lower.matches(of: lowerQuote).first {
                return ClosestPassage(paragraph: paragraph.number, excerpt: excerpt(paragraph, lower, match), differsOnlyInCase: true)
            }
        }
        var best: (length: Int, paragraph: Int, range: Range<Int>)?
        for (index, text) in folded.enumerated() {
            let characters = text.characters
            for start in characters.indices where characters[start] == quote[0] {
                let length = zip(characters[start...], quote).prefix { $0 == $1 }.count
                if length > (best?.length ?? 0) {
                    best = (length, index, start..<min(characters.count, start + quote.count))
                }
            }
            for end in characters.indices where characters[end] == quote[quote.count - 1] {
                let length = zip(characters[...end].reversed(), quote.reversed()).prefix { $0 == $1 }.count
                if length > (best?.length ?? 0) {
                    best = (length, index, max(0, end + 1 - quote.count)..<(end + 1))
                }
            }
        }
        guard let best, best.length >= min(minimumAgreement, quote.count) else { return nil }
        let paragraph = paragraphs[best.paragraph]
        return ClosestPassage(paragraph: paragraph.number, excerpt: excerpt(paragraph, folded[best.paragraph], best.range),
                              differsOnlyInCase: false)
    }

    private static func excerpt(_ paragraph: TranscriptParagraph, _ text: TolerantText, _ folded: Range<Int>) -> String {
        let range = text.originalRange(folded)
        return AnnotationText.excerpt(String(paragraph.plainText.dropFirst(range.lowerBound).prefix(range.count)))
    }
}

/// Short forms of passages for messages.
enum AnnotationText {
    /// At most `limit` characters, white space collapsed, in curly quotes.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let short = collapsed.count > limit ? collapsed.prefix(limit - 1).trimmingSuffix(while: \.isWhitespace) + "…" : collapsed
        return "“" + short + "”"
    }

    /// "¶ 2", "¶ 2 and ¶ 5", "¶ 2, ¶ 5 and ¶ 9".
    static func paragraphList(_ numbers: [Int]) -> String {
        let names = numbers.map { "¶ \($0)" }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = self
        while let last = text.last, predicate(last) { text.removeLast() }
        return String(text)
    }
}
