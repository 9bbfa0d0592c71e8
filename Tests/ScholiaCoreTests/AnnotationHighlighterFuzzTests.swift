import Testing
import Foundation
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaPublish
@testable import ScholiaCore

/// A small seeded generator, so that a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct AnnotationHighlighterFuzzTests {
    /// Markdown for one paragraph: text with characters that HTML escapes, entities, non-ASCII text,
    /// nested emphasis, code spans, links (never a link in a link), images, editorial remarks, soft and
    /// hard line breaks and raw HTML (omitted). An image's description is one character, since an image
    /// is marked whole.
    struct Grammar {
        var random: SplitMix64
        static let pieces = ["a", "b", " ", "  ", "&", "&amp;", "<", ">", "\"", "'", "&#39;", "é", "e\u{301}", "🇫🇷", "\n",
                             "’", "—", "(Inaudible)", "[Applause]", "x", "\\\n", "<span>", "<!-- c -->", "![*Ⓜ*](m.png \"T\")"]
        static let elements = [("*", "*"), ("**", "**"), ("`", "`"), ("[", "](https://x.org/?a=1&b=2 \"t&t\")")]

        mutating func inline(depth: Int, inLink: Bool) -> String {
            var html = ""
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5:
                    for _ in 0..<Int.random(in: 1...4, using: &random) { html += Self.pieces.randomElement(using: &random)! }
                case 5..<8 where depth < 3:
                    let choices = Self.elements.filter { !(inLink && $0.0 == "[") }
                    let (open, close) = choices.randomElement(using: &random)!
                    html += open + inline(depth: depth + 1, inLink: inLink || open == "[") + close
                case 8:
                    html += Bool.random(using: &random) ? "  \n" : "\n"
                default:
                    html += "a"
                }
            }
            return html
        }
    }

    /// The output's tokens with what the highlighter inserted taken out, and the text each mark holds.
    struct Inspection {
        var stripped = ""
        var balanced = true
        var nestedLinks = false
        var markedText: [Int: String] = [:]
        var ids: [Int: Int] = [:]
        var references: [Int: Int] = [:]
        /// Text position where each reference sits, in Characters.
        var referencePositions: [Int: Int] = [:]

        init(_ html: String) {
            var elements: [String] = []
            var openMarks: [Int] = []
            var inReference: Int?
            var text = ""
            for token in InlineHTML.tokens(html) {
                switch token {
                case .startTag("mark", let raw):
                    let number = Int(raw.split(separator: "\"")[3])!
                    if raw.contains("id=\"anno-\(number)-ref\"") { ids[number, default: 0] += 1 }
                    openMarks.append(number)
                    elements.append("mark")
                case .endTag("mark", _):
                    if elements.last != "mark" { balanced = false } else { elements.removeLast() }
                    if !openMarks.isEmpty { openMarks.removeLast() }
                case .startTag("a", let raw) where raw.contains(#"class="anno-ref"#):
                    if elements.contains("a") { nestedLinks = true }
                    let number = Int(raw.split(separator: "#anno-")[1].prefix { $0.isNumber })!
                    references[number, default: 0] += 1
                    referencePositions[number] = text.count
                    inReference = number
                    elements.append("a")
                case .endTag("a", let raw) where inReference != nil:
                    inReference = nil
                    if elements.last != "a" { balanced = false } else { elements.removeLast() }
                    _ = raw
                case .text(let raw) where inReference != nil:
                    _ = raw
                case .text(let raw):
                    stripped += raw
                    let decoded = InlineHTML.decode(raw)
                    text += decoded
                    for number in openMarks { markedText[number, default: ""] += decoded }
                case .void(_, let raw, let alt):
                    stripped += raw
                    text += alt
                    for number in openMarks { markedText[number, default: ""] += alt }
                case .startTag(let name, let raw):
                    if name == "a" && elements.contains("a") { nestedLinks = true }
                    elements.append(name)
                    stripped += raw
                case .endTag(let name, let raw):
                    if elements.last != name { balanced = false } else { elements.removeLast() }
                    stripped += raw
                case .comment(let raw):
                    stripped += raw
                }
            }
            if !elements.isEmpty { balanced = false }
        }
    }

    @Test func randomHTMLAndRanges() {
        var grammar = Grammar(random: SplitMix64(seed: 20261129))
        for round in 0..<2000 {
            // A first word keeps the paragraph a paragraph (not a list or a heading).
            let source = "p " + grammar.inline(depth: 0, inLink: false)
            let transcript = TranscriptBuilder.markdown(source, unsafeHTML: false, labels: SpeakerLabels(speakers: []))
            guard let paragraph = transcript.paragraphs.first else { continue }
            let html = paragraph.html
            let text = paragraph.plainText
            let count = text.count
            var highlights: [HTMLHighlighter.Highlight] = []
            if count > 0 {
                for number in 1...Int.random(in: 1...4, using: &grammar.random) {
                    let start = Int.random(in: 0..<count, using: &grammar.random)
                    let end = Int.random(in: (start + 1)...count, using: &grammar.random)
                    highlights.append(.init(range: start..<end, number: number, kind: AnnotationKind.allCases.randomElement(using: &grammar.random)!))
                }
            }
            let output = HTMLHighlighter.highlight(paragraph, highlights)
            let inspection = Inspection(output)
            let context = "round \(round): \(source.debugDescription) \(highlights.map(\.range)) → \(output.debugDescription)"
            #expect(inspection.stripped == html, "\(context)")
            #expect(inspection.balanced, "\(context)")
            #expect(!inspection.nestedLinks, "\(context)")
            for highlight in highlights {
                let expected = String(text.dropFirst(highlight.range.lowerBound).prefix(highlight.range.count))
                // A line break is a new line in the HTML and a space in the plain text.
                let marked = inspection.markedText[highlight.number]?.replacingOccurrences(of: "\n", with: " ")
                #expect(marked == expected, "\(context) #\(highlight.number)")
                #expect(inspection.ids[highlight.number] == 1, "\(context) #\(highlight.number)")
                #expect(inspection.references[highlight.number] == 1, "\(context) #\(highlight.number)")
                #expect((inspection.referencePositions[highlight.number] ?? -1) >= highlight.range.upperBound, "\(context) #\(highlight.number)")
            }
            if !(inspection.stripped == html && inspection.balanced) { break }
        }
    }
}
