import Foundation

/// One document's contribution to the index: the stems it uses with their frequencies (the head counted
/// three times), the words it uses with their stems, its indexed tokens paragraph by paragraph (for the
/// pairs), and its length.
struct DocumentAnalysis: Sendable, Equatable {
    /// The document's stems, in the order of their first use.
    var stems: [String] = []
    /// Per stem (same index): how often it occurs, the head three times over.
    var frequencies: [Int] = []
    /// Each word used, with the index of its stem in `stems`.
    var surfaces: [String: Int] = [:]
    /// Flat: per indexed token, its stem (an index into `stems`) and its position in its paragraph.
    var tokens: [Int32] = []
    /// Flat: per paragraph with tokens, its number and the end of its tokens in `tokens` (in tokens, not Int32s).
    var paragraphs: [Int32] = []
    var length = 0

    init() {}

    init(_ document: SearchDocument, language: String, stopWords: Set<String>, known: StemCache) {
        var stemmer: Stemmer?
        var stemIndex: [String: Int] = [:]
        let texts = [(0, document.headText)] + document.paragraphs.map { ($0.number, $0.text) }
        for (number, text) in texts {
            let before = tokens.count
            for token in Tokenizer.tokens(text) where !stopWords.contains(token.text) {
                length += 1
                let index: Int
                if let known = surfaces[token.text] {
                    index = known
                } else {
                    let stem = token.isCJK ? token.text : known.stem(of: token.text) { word in
                        if stemmer == nil { stemmer = Stemmer(language: language) }
                        return stemmer!.stem(word)
                    }
                    if let known = stemIndex[stem] { index = known } else {
                        index = stems.count
                        stemIndex[stem] = index
                        stems.append(stem)
                        frequencies.append(0)
                    }
                    surfaces[token.text] = index
                }
                frequencies[index] += number == 0 ? 3 : 1
                tokens.append(Int32(index))
                tokens.append(Int32(token.position))
            }
            if tokens.count > before {
                paragraphs.append(Int32(number))
                paragraphs.append(Int32(tokens.count / 2))
            }
        }
    }

    /// Calls `body` with each pair of consecutive indexed tokens of a paragraph: first stem, second stem (indexes
    /// into `stems`), the gap between their positions, the paragraph's number and the first one's position.
    func forEachPair(_ body: (Int32, Int32, Int32, Int32, Int32) -> Void) {
        var start = 0
        var index = 0
        while index < paragraphs.count {
            let number = paragraphs[index], end = Int(paragraphs[index + 1])
            var token = start + 1
            while token < end {
                let first = 2 * (token - 1), second = 2 * token
                body(tokens[first], tokens[second], tokens[second + 1] - tokens[first + 1], number, tokens[first + 1])
                token += 1
            }
            start = end
            index += 2
        }
    }

    var pairCount: Int {
        var count = 0, start = 0, index = 1
        while index < paragraphs.count {
            let end = Int(paragraphs[index])
            count += max(0, end - start - 1)
            start = end
            index += 2
        }
        return count
    }
}

/// The stems of words already seen, shared by the documents analysed on every core: a site's documents share
/// most of their words, and Snowball need not stem each again for each document.
final class StemCache: @unchecked Sendable {
    private var stems: [String: String] = [:]
    private let lock = NSLock()

    func stem(of word: String, _ make: (String) -> String) -> String {
        if let known = lock.withLock({ stems[word] }) { return known }
        let stem = make(word)
        lock.withLock { stems[word] = stem }
        return stem
    }
}
