import Foundation

/// A word of a text as the index sees it: folded (lower case, without diacritics), with its place.
public struct Token: Sendable, Hashable {
    /// The folded form: `Communiqué` → `communique`.
    public var text: String
    /// Its number among the text's tokens, counting every token (stop words too), for phrases.
    public var position: Int
    /// Where it is in the text (unicode scalar offsets), for snippets and highlighting.
    public var start: Int
    public var end: Int
    /// A pair of CJK characters: never stemmed.
    public var isCJK: Bool
}

/// Splits text into tokens. The rules (the README's, and `search.js` follows them to the letter):
/// a word is a run of alphabetic characters, decimal digits and combining marks; it is folded by canonical
/// decomposition, dropping nonspacing marks and lower-casing. A run of CJK characters (Han, kana, Hangul)
/// gives its overlapping pairs (one character alone gives itself), since CJK text has no spaces to split on.
/// A word longer than 64 characters is skipped but keeps its position.
public enum Tokenizer {
    public static let maximumWordLength = 64

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var wordStart = 0, wordIsASCII = true, wordLength = 0
        var cjk: [(Unicode.Scalar, Int)] = []
        var position = 0

        func flushWord(at end: Int) {
            guard wordLength > 0 else { return }
            if wordLength <= maximumWordLength {
                let folded = wordIsASCII ? String(word).lowercased() : fold(String(word))
                if !folded.isEmpty {
                    tokens.append(Token(text: folded, position: position, start: wordStart, end: end, isCJK: false))
                }
            }
            position += 1
            word = String.UnicodeScalarView()
            wordLength = 0
            wordIsASCII = true
        }
        func flushCJK() {
            guard !cjk.isEmpty else { return }
            if cjk.count == 1 {
                tokens.append(Token(text: String(cjk[0].0), position: position, start: cjk[0].1, end: cjk[0].1 + 1, isCJK: true))
                position += 1
            } else {
                for index in 0..<(cjk.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(cjk[index].0)
                    pair.append(cjk[index + 1].0)
                    tokens.append(Token(text: String(pair), position: position, start: cjk[index].1, end: cjk[index].1 + 2, isCJK: true))
                    position += 1
                }
            }
            cjk.removeAll()
        }

        var offset = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                flushWord(at: offset)
                cjk.append((scalar, offset))
            } else if isWordCharacter(scalar) {
                flushCJK()
                if wordLength == 0 { wordStart = offset }
                word.append(scalar)
                wordLength += 1
                if !scalar.isASCII { wordIsASCII = false }
            } else {
                flushWord(at: offset)
                flushCJK()
            }
            offset += 1
        }
        flushWord(at: offset)
        flushCJK()
        return tokens
    }

    /// Lower case, without diacritics: canonical decomposition, nonspacing marks dropped.
    public static func fold(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(folded)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic
        }
    }

    /// Han, Hiragana, Katakana and Hangul: the scripts written without spaces between words.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
