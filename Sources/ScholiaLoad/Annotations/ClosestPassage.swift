import ScholiaModel

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

    /// Linear in the length of the text and the quote: each paragraph is compared with the quote once, by
    /// the Z algorithm, not once for every place that starts like the quote (which took minutes on a large
    /// document with a long quote).
    static func find(_ quote: [Character], in paragraphs: [TranscriptParagraph], folded: [TolerantText]) -> ClosestPassage? {
        guard !quote.isEmpty else { return nil }
        var codes = CharacterCodes()
        let lowerQuote = codes.encode(TolerantText.folded(String(quote).lowercased()))
        for (paragraph, text) in zip(paragraphs, folded) {
            let lower = TolerantText(paragraph.plainText.lowercased())
            // Lowercasing keeps the Character count for the scripts transcripts use, so offsets still fit.
            guard lower.count == text.count else { continue }
            if let start = Agreement.lengths(of: lowerQuote, along: codes.encode(lower.characters)).firstIndex(of: lowerQuote.count) {
                return ClosestPassage(paragraph: paragraph.number, excerpt: excerpt(paragraph, lower, start..<(start + lowerQuote.count)), differsOnlyInCase: true)
            }
        }
        let forwards = codes.encode(quote), backwards = Array(forwards.reversed())
        var best: (length: Int, paragraph: Int, range: Range<Int>)?
        for (index, text) in folded.enumerated() {
            let characters = codes.encode(text.characters)
            // The longest stretch that agrees with the quote's start (the first such place)…
            let fromStart = Agreement.lengths(of: forwards, along: characters)
            if let length = fromStart.max(), length > (best?.length ?? 0), let start = fromStart.firstIndex(of: length) {
                best = (length, index, start..<min(characters.count, start + quote.count))
            }
            // …and with its end (read backwards; the first place, counting from the paragraph's start).
            let fromEnd = Agreement.lengths(of: backwards, along: Array(characters.reversed()))
            if let length = fromEnd.max(), length > (best?.length ?? 0), let last = fromEnd.lastIndex(of: length) {
                let end = characters.count - 1 - last
                best = (length, index, max(0, end + 1 - quote.count)..<(end + 1))
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

/// Characters as small numbers, the same number for the same Character, so that comparing them is cheap.
struct CharacterCodes {
    private var codes: [Character: UInt32] = [:]

    mutating func encode(_ characters: [Character]) -> [UInt32] {
        characters.map { character in
            if let code = codes[character] { return code }
            let code = UInt32(codes.count)
            codes[character] = code
            return code
        }
    }
}

/// How far a text agrees with a pattern's start at each of its positions, in time linear in both (the Z
/// algorithm: what is known to agree from an earlier position is not compared again).
enum Agreement {
    /// For each position of `text`, the number of characters from there equal to the start of `pattern`.
    static func lengths(of pattern: [UInt32], along text: [UInt32]) -> [Int] {
        let separator = UInt32.max  // never a code: a match cannot run past the pattern
        let joined = pattern + [separator] + text
        var z = [Int](repeating: 0, count: joined.count)
        var left = 0, right = 0
        for index in joined.indices.dropFirst() {
            if index < right { z[index] = min(right - index, z[index - left]) }
            while index + z[index] < joined.count, joined[z[index]] == joined[index + z[index]] { z[index] += 1 }
            if index + z[index] > right { (left, right) = (index, index + z[index]) }
        }
        return Array(z[(pattern.count + 1)...])
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
