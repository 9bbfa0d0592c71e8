import Foundation

/// The words of a build's documents, shared by the analyses on every core: each folded word's stem, made by
/// Snowball once per build rather than once per document, and numbered (one number per distinct stem); stop words
/// have none. A document's analysis asks once per distinct word it uses.
final class Vocabulary: @unchecked Sendable {
    /// Each word met, to its stem's number, or -1 for a stop word.
    private var words = WordTable()
    private var stems: [String] = []
    private var numbers: [String: Int32] = [:]
    private let stemmer: Stemmer
    private let lock = NSLock()

    init(language: String) {
        stemmer = Stemmer(language: language)
        for word in IndexFormat.stopWords(language: language) {
            var word = word
            word.withUTF8 { bytes in _ = words.value(of: bytes, hash: WordTable.hash(bytes)) { _ in -1 } }
        }
    }

    /// The number and text of the stem of `word` (folded, UTF-8, `hash` its `WordTable.hash`), or nil for a
    /// stop word. A CJK pair is its own stem.
    func stem(of word: UnsafeBufferPointer<UInt8>, hash: UInt32, isCJK: Bool) -> (number: Int32, stem: String)? {
        lock.withLock {
            let number = words.value(of: word, hash: hash) { word in
                let text = String(decoding: word, as: UTF8.self)
                let stem = isCJK ? text : stemmer.stem(text)
                if let number = numbers[stem] { return number }
                numbers[stem] = Int32(stems.count)
                stems.append(stem)
                return Int32(stems.count - 1)
            }
            return number < 0 ? nil : (number, stems[Int(number)])
        }
    }
}
