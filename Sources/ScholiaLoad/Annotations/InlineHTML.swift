import Foundation
import ScholiaModel

/// A minimal reader of HTML, enough to find the text a reader sees in it. Transcripts never need it for
/// what Scholia writes (the Markdown walk records text and offsets as it writes HTML, see
/// `ParagraphLayout`); it reads only raw HTML that an author writes with `unsafe_html`, which has no
/// Markdown tree to walk. It is not a general HTML parser: it trusts its input to be well formed.
package enum InlineHTML {
    package enum Token: Sendable, Equatable {
        /// Text as written, entities and all.
        case text(Substring)
        case startTag(name: String, raw: Substring)
        case endTag(name: String, raw: Substring)
        /// A void element (`<br />`); `text` is what it shows as text (an image's alt, which cmark counts).
        case void(name: String, raw: Substring, text: String)
        /// A comment (`<!-- raw HTML omitted -->`), doctype or processing instruction: no text.
        case comment(Substring)
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                            "meta", "source", "track", "wbr"]

    package static func tokens(_ html: String) -> [Token] {
        var tokens: [Token] = []
        var index = html.startIndex
        var textStart = index
        func flushText(upTo end: String.Index) {
            if textStart < end { tokens.append(.text(html[textStart..<end])) }
        }
        while index < html.endIndex {
            guard html[index] == "<", let (token, end) = tag(in: html, at: index) else {
                index = html.index(after: index)
                continue
            }
            flushText(upTo: index)
            tokens.append(token)
            index = end
            textStart = end
        }
        flushText(upTo: html.endIndex)
        return tokens
    }

    /// The text a reader sees: tags dropped, entities decoded, an image's alt text kept.
    package static func textContent(_ html: String) -> String {
        var text = ""
        for token in tokens(html) {
            switch token {
            case .text(let raw): text += decode(raw)
            case .void(_, _, let alt): text += alt
            default: break
            }
        }
        return text
    }

    /// Reads the tag starting at `start` (a `<`); nil when the `<` is only text.
    private static func tag(in html: String, at start: String.Index) -> (Token, String.Index)? {
        let rest = html[html.index(after: start)...]
        if rest.hasPrefix("!--") {
            let end = html.range(of: "-->", range: rest.startIndex..<html.endIndex)?.upperBound ?? html.endIndex
            return (.comment(html[start..<end]), end)
        }
        guard let first = rest.first else { return nil }
        if first == "!" || first == "?" {
            let end = rest.firstIndex(of: ">").map(html.index(after:)) ?? html.endIndex
            return (.comment(html[start..<end]), end)
        }
        let closing = first == "/"
        let nameStart = closing ? html.index(after: rest.startIndex) : rest.startIndex
        guard nameStart < html.endIndex, html[nameStart].isASCII, html[nameStart].isLetter else { return nil }
        var nameEnd = nameStart
        while nameEnd < html.endIndex, html[nameEnd].isASCII, html[nameEnd].isLetter || html[nameEnd].isNumber || html[nameEnd] == "-" {
            nameEnd = html.index(after: nameEnd)
        }
        // Find the closing `>`, skipping quoted attribute values that may contain one.
        var index = nameEnd
        var quote: Character?
        while index < html.endIndex {
            let character = html[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                break
            }
            index = html.index(after: index)
        }
        guard index < html.endIndex else { return nil }
        let end = html.index(after: index)
        let raw = html[start..<end]
        let name = html[nameStart..<nameEnd].lowercased()
        if closing { return (.endTag(name: name, raw: raw), end) }
        if voidElements.contains(name) || raw.hasSuffix("/>") {
            return (.void(name: name, raw: raw, text: name == "img" ? decode(attribute("alt", in: raw) ?? "") : ""), end)
        }
        return (.startTag(name: name, raw: raw), end)
    }

    private static func attribute(_ name: String, in raw: Substring) -> Substring? {
        guard let found = raw.range(of: " \(name)=\"") else { return nil }
        let value = raw[found.upperBound...]
        return value.firstIndex(of: "\"").map { value[..<$0] }
    }

    /// One unit of text: a character, or an entity that stands for one.
    private struct TextUnit {
        var raw: Substring
        var decoded: String
    }

    private static func units(_ raw: Substring) -> [TextUnit] {
        var units: [TextUnit] = []
        let scalars = raw.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "&", let (decoded, end) = entity(in: scalars, at: index) {
                units.append(TextUnit(raw: Substring(scalars[index..<end]), decoded: decoded))
                index = end
            } else {
                // By Unicode scalar, so that offsets never depend on how graphemes join across tags.
                let next = scalars.index(after: index)
                let text = Substring(scalars[index..<next])
                units.append(TextUnit(raw: text, decoded: String(text)))
                index = next
            }
        }
        return units
    }

    static func decode(_ raw: Substring) -> String {
        guard raw.contains("&") else { return String(raw) }
        return units(raw).map(\.decoded).joined()
    }

    private static let namedEntities: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "copy": "\u{00A9}",
    ]

    private static func entity(in scalars: Substring.UnicodeScalarView, at start: String.Index) -> (String, String.Index)? {
        let body = scalars[scalars.index(after: start)...].prefix(12)
        guard let semicolon = body.firstIndex(of: ";") else { return nil }
        let name = Substring(body[..<semicolon])
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "#") }) else { return nil }
        let end = scalars.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end)
        }
        return namedEntities[name].map { ($0, end) }
    }
}
