import ScholiaModel

/// Places annotations on a document's text as rendered: each quote is found in the paragraphs'
/// `plainText`, tolerantly (see `TolerantText`), and `prefix`, `suffix` or `occurrence` choose among
/// repeated passages. Every quote that cannot be placed is an error at its annotation.
enum AnnotationAnchorer {
    static func anchor(_ annotations: [Annotation], in transcript: Transcript,
                              _ diagnostics: inout DiagnosticList) -> [AnchoredAnnotation] {
        // Most documents have no notes: indexing their text would be most of the cost of loading them.
        guard !annotations.isEmpty else { return [] }
        let index = PassageIndex(transcript)
        var placed: [(annotation: Annotation, paragraph: Int, range: Range<Int>, order: Int)] = []
        for (order, annotation) in annotations.enumerated() {
            if let (paragraph, range) = index.place(annotation, &diagnostics) {
                placed.append((annotation, paragraph, range, order))
            }
        }
        placed.sort { ($0.paragraph, $0.range.lowerBound, $0.order) < ($1.paragraph, $1.range.lowerBound, $1.order) }
        return placed.enumerated().map { number, item in
            AnchoredAnnotation(number: number + 1, annotation: item.annotation, paragraph: item.paragraph, range: item.range)
        }
    }
}

/// The paragraphs folded once, for every annotation of a document.
struct PassageIndex {
    let paragraphs: [TranscriptParagraph]
    let folded: [TolerantText]
    let transcript: Transcript

    init(_ transcript: Transcript) {
        self.transcript = transcript
        paragraphs = transcript.paragraphs
        folded = paragraphs.map { TolerantText($0.plainText) }
    }

    struct Match {
        var paragraphIndex: Int
        var folded: Range<Int>
    }

    func place(_ annotation: Annotation, _ diagnostics: inout DiagnosticList) -> (Int, Range<Int>)? {
        let quote = TolerantText.folded(annotation.quote)
        let shown = AnnotationText.excerpt(annotation.quote)
        guard !quote.isEmpty else {
            diagnostics.error("'quote' is empty: give the passage the annotation is about", at: annotation.location)
            return nil
        }
        let all = folded.enumerated().flatMap { index, text in text.matches(of: quote).map { Match(paragraphIndex: index, folded: $0) } }
        guard !all.isEmpty else {
            diagnostics.error(notFoundMessage(quote, shown), at: annotation.location)
            return nil
        }
        var chosen = all
        var conditions: [String] = []
        if let prefix = annotation.prefix {
            let wanted = TolerantText.folded(prefix)
            chosen = chosen.filter { folded[$0.paragraphIndex].hasPrefix(wanted, before: $0.folded.lowerBound) }
            conditions.append("after '\(prefix)'")
        }
        if let suffix = annotation.suffix {
            let wanted = TolerantText.folded(suffix)
            chosen = chosen.filter { folded[$0.paragraphIndex].hasSuffix(wanted, after: $0.folded.upperBound) }
            conditions.append("before '\(suffix)'")
        }
        let places = { (matches: [Match]) in AnnotationText.paragraphList(matches.map { paragraphs[$0.paragraphIndex].number }) }
        if chosen.isEmpty {
            diagnostics.error("the quote \(shown) occurs \(Self.times(all.count)) (\(places(all))), but never \(conditions.joined(separator: " and ")); "
                              + "prefix and suffix are the words just before and after it in the same paragraph",
                              at: annotation.location)
            return nil
        }
        let match: Match
        if let occurrence = annotation.occurrence {
            guard occurrence <= chosen.count else {
                diagnostics.error("'occurrence' is \(occurrence), but the quote \(shown) occurs only \(Self.times(chosen.count))"
                                  + "\(conditions.isEmpty ? "" : " " + conditions.joined(separator: " and ")) (\(places(chosen)))",
                                  at: annotation.location)
                return nil
            }
            match = chosen[occurrence - 1]
        } else {
            guard chosen.count == 1 else {
                diagnostics.error("the quote \(shown) occurs \(Self.times(chosen.count)) (\(places(chosen))); "
                                  + "add 'prefix' or 'suffix' (the words just before or after it) or 'occurrence: N' (1 to \(chosen.count)) to choose one",
                                  at: annotation.location)
                return nil
            }
            match = chosen[0]
        }
        return (paragraphs[match.paragraphIndex].number, folded[match.paragraphIndex].originalRange(match.folded))
    }

    private static func times(_ count: Int) -> String { count == 1 ? "once" : count == 2 ? "twice" : "\(count) times" }

    /// Says why a quote is nowhere in one paragraph: it runs over two, takes in a speaker label, or is mistyped.
    private func notFoundMessage(_ quote: [Character], _ shown: String) -> String {
        let plain = DocumentPlainText(transcript)
        let whole = TolerantText(plain.text)
        for match in whole.matches(of: quote) {
            let range = whole.originalRange(match)
            let touched = paragraphs.filter { paragraph in
                guard let start = plain.paragraphStarts[paragraph.number]?.characters else { return false }
                return range.overlaps(start..<(start + paragraph.plainText.count))
            }
            if touched.count > 1 {
                return "the quote \(shown) runs over more than one paragraph (\(AnnotationText.paragraphList(touched.map(\.number)))); "
                    + "an annotation quotes within one paragraph, so split it into one annotation per paragraph"
            }
            if let label = labelEnding(at: touched.first, before: range, in: plain) {
                return "the quote \(shown) takes in the speaker label '\(label):', which is not part of the quoted text; quote only the words spoken"
            }
        }
        var message = "no passage of the text matches the quote \(shown)"
        if let closest = ClosestPassage.find(quote, in: paragraphs, folded: folded) {
            message += closest.differsOnlyInCase
                ? "; ¶ \(closest.paragraph) has it in other capital letters: \(closest.excerpt)"
                : "; the closest passage is in ¶ \(closest.paragraph): \(closest.excerpt)"
        } else {
            message += ", nor anything close to it"
        }
        return message
    }

    /// The label of the turn that `paragraph` starts, when `range` begins in it.
    private func labelEnding(at paragraph: TranscriptParagraph?, before range: Range<Int>, in plain: DocumentPlainText) -> String? {
        guard let paragraph, let start = plain.paragraphStarts[paragraph.number]?.characters, range.lowerBound < start else { return nil }
        return transcript.turns.first { $0.blocks.first == .paragraph(paragraph) }?.label
    }
}
