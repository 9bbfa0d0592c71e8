import Foundation

/// One document's analysis as it is made, in arrays: the stems it uses with their frequencies (the head counted
/// three times), the words it uses with their stems, its indexed tokens paragraph by paragraph (for the pairs),
/// and its length. The index keeps it encoded (`DocumentAnalysis`).
struct AnalysisParts: Sendable {
    /// The document's stems, in the order of their first use.
    var stems: [String] = []
    /// Per stem (same index): how often it occurs, the head three times over.
    var frequencies: [Int] = []
    /// Each word used (folded), in the order of first use, and the index of its stem in `stems` (same index).
    var surfaces: [String] = []
    var surfaceStems: [Int32] = []
    /// Flat: per indexed token, its stem (an index into `stems`) and its position in its paragraph.
    var tokens: [Int32] = []
    /// Flat: per paragraph with tokens, its number and the end of its tokens in `tokens` (in tokens, not Int32s).
    var paragraphs: [Int32] = []
    var length = 0
    /// The number of each stem (same index) in the vocabulary, and this analysis's serial number there.
    var vocabularyStems: [Int32] = []
    var serial = 0

    init(_ document: SearchDocument, vocabulary: Vocabulary) {
        // Each word met, to the index of its stem, or -1 for a stop word; and each stem's index by its number.
        var words = WordTable()
        var stemIndex: [Int32: Int32] = [:]
        func stemOf(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, isCJK: Bool) -> Int32 {
            guard let (number, stem) = vocabulary.use(word, hash: hash, isCJK: isCJK) else { return -1 }
            let index: Int32
            if let known = stemIndex[number] { index = known } else {
                index = Int32(stems.count)
                stemIndex[number] = index
                stems.append(stem)
                vocabularyStems.append(number)
                frequencies.append(0)
            }
            surfaces.append(String(decoding: word, as: UTF8.self))
            surfaceStems.append(index)
            return index
        }
        let texts = [(0, document.headText)] + document.paragraphs.map { ($0.number, $0.text) }
        for (number, text) in texts {
            let before = tokens.count
            let weight = number == 0 ? 3 : 1
            func add(_ stem: Int32, at position: Int) {
                guard stem >= 0 else { return }
                length += 1
                frequencies[Int(stem)] += weight
                tokens.append(stem)
                tokens.append(Int32(position))
            }
            var text = text
            let isASCII = text.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                Self.forEachASCIIWord(bytes) { word, hash, position in
                    add(words.value(of: word, hash: hash) { stemOf($0, hash: hash, isCJK: false) }, at: position)
                }
                return true
            }
            if !isASCII {
                for token in Tokenizer.tokens(text) {
                    var folded = token.text
                    let stem = folded.withUTF8 { word in
                        let hash = WordTable.hash(word)
                        return words.value(of: word, hash: hash) { stemOf($0, hash: hash, isCJK: token.isCJK) }
                    }
                    add(stem, at: token.position)
                }
            }
            if tokens.count > before {
                paragraphs.append(Int32(number))
                paragraphs.append(Int32(tokens.count / 2))
            }
        }
        serial = vocabulary.finish(analysisStems: vocabularyStems)
    }

    /// The words of ASCII text as `Tokenizer.tokens` finds them (runs of letters and digits, lower-cased, a word
    /// longer than the maximum skipped but counted), each with its hash and position, without making strings.
    private static func forEachASCIIWord(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UInt32, Int) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.maximumWordLength) { folded in
            var index = 0, position = 0
            while index < text.count {
                guard Self.isASCIIWordByte(text[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < text.count, Self.isASCIIWordByte(text[index]) { index += 1 }
                if index - start <= Tokenizer.maximumWordLength {
                    var hash: UInt32 = 0x811C_9DC5
                    for offset in 0..<(index - start) {
                        var byte = text[start + offset]
                        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                        folded[offset] = byte
                        hash ^= UInt32(byte)
                        hash = hash &* 0x0100_0193
                    }
                    body(UnsafeBufferPointer(rebasing: folded[0..<(index - start)]), hash, position)
                }
                position += 1
            }
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The compact form (unsigned LEB128 integers, length-prefixed UTF-8): format number, length, the stems
    /// with their frequencies, the words (each as its stem, then `ByteWriter.word`), then per paragraph its
    /// number, its token count and each token's stem and position; and where its parts begin (what
    /// `DocumentAnalysis` would find by reading it through).
    func encode() -> (data: Data, stemsOffset: Int, surfacesOffset: Int, paragraphsOffset: Int, pairs: Int) {
        var writer = ByteWriter()
        writer.integer(DocumentAnalysis.codingVersion)
        writer.integer(length)
        writer.integer(stems.count)
        let stemsOffset = writer.bytes.count
        for (stem, frequency) in zip(stems, frequencies) {
            writer.string(stem)
            writer.integer(frequency)
        }
        writer.integer(surfaces.count)
        let surfacesOffset = writer.bytes.count
        for (surface, stem) in zip(surfaces, surfaceStems) {
            writer.integer(Int(stem))
            writer.word(surface, stem: stems[Int(stem)])
        }
        writer.integer(paragraphs.count / 2)
        let paragraphsOffset = writer.bytes.count
        var start = 0, pairs = 0
        for index in stride(from: 0, to: paragraphs.count, by: 2) {
            let end = Int(paragraphs[index + 1])
            writer.integer(Int(paragraphs[index]))
            writer.integer(end - start)
            for token in start..<end {
                writer.integer(Int(tokens[2 * token]))
                writer.integer(Int(tokens[2 * token + 1]))
            }
            pairs += max(0, end - start - 1)
            start = end
        }
        return (Data(writer.bytes), stemsOffset, surfacesOffset, paragraphsOffset, pairs)
    }
}
