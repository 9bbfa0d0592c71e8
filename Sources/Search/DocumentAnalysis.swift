/// One document's contribution to the index: the stems it uses with their frequencies (the head counted
/// three times), the words it uses with their stems, its pairs of consecutive indexed tokens, and its length.
struct DocumentAnalysis: Sendable {
    /// The document's stems, in the order of their first use.
    var stems: [String] = []
    /// Per stem (same index): how often it occurs, the head three times over.
    var frequencies: [Int] = []
    var surfaces: [String: String] = [:]
    /// Flat: per pair occurrence, first stem, second stem (indexes into `stems`), gap, paragraph, position.
    var pairs: [Int32] = []
    var length = 0

    static let pairFields = 5

    init(_ document: SearchDocument, language: String, stopWords: Set<String>) {
        let stemmer = Stemmer(language: language)
        var stemIndex: [String: Int] = [:]
        var stemOfSurface: [String: Int] = [:]
        let texts = [(0, document.headText)] + document.paragraphs.map { ($0.number, $0.text) }
        for (number, text) in texts {
            var previous: (stem: Int, position: Int)?
            for token in Tokenizer.tokens(text) where !stopWords.contains(token.text) {
                length += 1
                let index: Int
                if let known = stemOfSurface[token.text] {
                    index = known
                } else {
                    let stem = token.isCJK ? token.text : stemmer.stem(token.text)
                    surfaces[token.text] = stem
                    if let known = stemIndex[stem] { index = known } else {
                        index = stems.count
                        stemIndex[stem] = index
                        stems.append(stem)
                        frequencies.append(0)
                    }
                    stemOfSurface[token.text] = index
                }
                frequencies[index] += number == 0 ? 3 : 1
                if let previous {
                    pairs.append(Int32(previous.stem))
                    pairs.append(Int32(index))
                    pairs.append(Int32(token.position - previous.position))
                    pairs.append(Int32(number))
                    pairs.append(Int32(previous.position))
                }
                previous = (index, token.position)
            }
        }
    }
}
