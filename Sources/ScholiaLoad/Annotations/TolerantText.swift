import ScholiaModel

/// A text folded for matching quotes the way a reader would: straight and curly quotes are the same,
/// hyphens and dashes (and the spaces around them) are the same, any run of white space is one space,
/// `…` is `...`. Case is kept: "Syria" and "syria" are different passages.
///
/// Each folded character remembers the range of original Characters it came from, so that a match
/// in the folded text gives offsets in the original.
struct TolerantText: Sendable {
    private(set) var characters: [Character] = []
    /// Original Character offset where each folded character starts, and where it ends.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// The original text's length in Characters.
    let originalCount: Int

    init(_ text: String) {
        originalCount = text.count
        var offset = 0
        for character in text {
            append(character, at: offset)
            offset += 1
        }
        // A trailing space is an artefact of folding, never part of a passage.
        if characters.last == " " { removeLast() }
    }

    /// How a quote, prefix or suffix is compared (folding already drops white space at both ends).
    static func folded(_ text: String) -> [Character] { TolerantText(text).characters }

    var count: Int { characters.count }

    /// Original Character offsets covered by folded characters `range`.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < count ? starts[range.lowerBound] : originalCount
            return at..<at
        }
        return starts[range.lowerBound]..<ends[range.upperBound - 1]
    }

    /// Folded index of the first folded character at or after original offset `offset`.
    func foldedIndex(atOrAfter offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Every place where `needle` occurs, as folded ranges, in order.
    func matches(of needle: [Character]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + needle.count <= count {
            if characters[index] == first && characters[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index..<(index + needle.count))
            }
            index += 1
        }
        return found
    }

    /// Whether the folded text before `index` ends with `prefix` (white space at the join ignored).
    func hasPrefix(_ prefix: [Character], before index: Int) -> Bool {
        var end = index
        while end > 0 && characters[end - 1] == " " { end -= 1 }
        var wanted = prefix[...]
        while wanted.last == " " { wanted.removeLast() }
        return end >= wanted.count && characters[(end - wanted.count)..<end].elementsEqual(wanted)
    }

    /// Whether the folded text from `index` on starts with `suffix` (white space at the join ignored).
    func hasSuffix(_ suffix: [Character], after index: Int) -> Bool {
        var start = index
        while start < count && characters[start] == " " { start += 1 }
        var wanted = suffix[...]
        while wanted.first == " " { wanted.removeFirst() }
        return count - start >= wanted.count && characters[start..<(start + wanted.count)].elementsEqual(wanted)
    }

    private mutating func append(_ character: Character, at offset: Int) {
        switch Self.fold(character) {
        case .drop:
            return
        case .space:
            // Runs collapse into one space, and a space next to a dash is dropped: "the – let" is "the—let".
            if characters.last == " " || characters.last == "-" || characters.isEmpty {
                if characters.last == " " { ends[ends.count - 1] = offset + 1 }
                return
            }
            push(" ", offset)
        case .dash:
            if characters.last == "-" {
                ends[ends.count - 1] = offset + 1
                return
            }
            if characters.last == " " { removeLast() }
            push("-", offset)
        case .same(let folded):
            for character in folded { push(character, offset) }
        }
    }

    private mutating func push(_ character: Character, _ offset: Int) {
        characters.append(character)
        starts.append(offset)
        ends.append(offset + 1)
    }

    private mutating func removeLast() {
        characters.removeLast()
        starts.removeLast()
        ends.removeLast()
    }

    private enum Folded { case drop, space, dash, same(String) }

    private static func fold(_ character: Character) -> Folded {
        switch character {
        case "\u{00AD}", "\u{200B}": .drop  // soft hyphen, zero-width space: invisible
        case "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{02BC}": .same("'")
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": .same("\"")
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{2E3A}", "\u{2E3B}": .dash
        case "\u{2026}": .same("...")
        default: character.isWhitespace ? .space : .same(String(character))
        }
    }
}
