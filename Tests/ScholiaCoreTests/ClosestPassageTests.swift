import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// The closest passage to a quote that matched nowhere (issue 11, item 10): found in time linear in the
/// text and the quote, and the same passage the direct search (every start compared with the quote) finds.
@Suite struct ClosestPassageTests {
    func paragraphs(_ text: String) -> ([TranscriptParagraph], [TolerantText]) {
        let transcript = TranscriptBuilder.plainText(text, labels: SpeakerLabels(speakers: []))
        return (transcript.paragraphs, transcript.paragraphs.map { TolerantText($0.plainText) })
    }

    /// The direct search, as a reference: quadratic, so only for small texts.
    func direct(_ quote: [Character], _ folded: [TolerantText]) -> (paragraph: Int, range: Range<Int>)? {
        var best: (length: Int, paragraph: Int, range: Range<Int>)?
        for (index, text) in folded.enumerated() {
            let characters = text.characters
            for start in characters.indices {
                let length = zip(characters[start...], quote).prefix { $0 == $1 }.count
                if length > (best?.length ?? 0) { best = (length, index, start..<min(characters.count, start + quote.count)) }
            }
            for end in characters.indices {
                let length = zip(characters[...end].reversed(), quote.reversed()).prefix { $0 == $1 }.count
                if length > (best?.length ?? 0) { best = (length, index, max(0, end + 1 - quote.count)..<(end + 1)) }
            }
        }
        guard let best, best.length >= min(ClosestPassage.minimumAgreement, quote.count) else { return nil }
        return (best.paragraph, best.range)
    }

    @Test func findsWhatTheDirectSearchFinds() {
        var random = SplitMix64(seed: 10)
        let alphabet = Array("abc ")
        for _ in 0..<300 {
            let text = (0..<3).map { _ in String((0..<Int(random.next() % 40 + 5)).map { _ in alphabet[Int(random.next() % 4)] }) }
                .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "x" : $0 }.joined(separator: "\n\n")
            let quote = TolerantText.folded(String((0..<Int(random.next() % 12 + 1)).map { _ in alphabet[Int(random.next() % 3)] }) + "z")
            let (found, folded) = paragraphs(text)
            let expected = direct(quote, folded)
            let closest = ClosestPassage.find(quote, in: found, folded: folded)
            #expect(closest?.paragraph == expected.map { found[$0.paragraph].number }, "\(text) / \(String(quote))")
            if let expected, let closest {
                let range = folded[expected.paragraph].originalRange(expected.range)
                let text = String(found[expected.paragraph].plainText.dropFirst(range.lowerBound).prefix(range.count))
                #expect(closest.excerpt == AnnotationText.excerpt(text))
            }
        }
    }

    /// A text and a quote that agree at every start for thousands of characters: the direct search compares
    /// 400,000 × 5,000 characters (minutes); the linear one, a second.
    @Test(.timeLimit(.minutes(1))) func aRepetitiveTextIsSearchedInLinearTime() {
        let (found, folded) = paragraphs("Opening words.\n\n" + String(repeating: "a", count: 400_000))
        let quote = TolerantText.folded(String(repeating: "a", count: 5_000) + "b")
        let closest = ClosestPassage.find(quote, in: found, folded: folded)
        #expect(closest?.paragraph == found[1].number)
        #expect(closest?.differsOnlyInCase == false)
    }
}
