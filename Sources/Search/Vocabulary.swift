import Foundation

/// The words of a build's documents, shared by the analyses on every core: each folded word's stem, made by
/// Snowball once per build rather than once per document, and numbered (one number per distinct stem); stop words
/// have none. A document's analysis asks once per distinct word it uses, so the vocabulary also knows how many
/// documents use each word, and which stems each analysis used: when every entry of an index was analysed here
/// (a clean build), the index is numbered from these (`numbering`) rather than by walking every analysis again.
final class Vocabulary: @unchecked Sendable {
    /// Each word met, to its number in `wordStems` and `wordDocuments`.
    private var words = WordTable()
    /// Per word: its stem's number (-1 for a stop word), its text, and how many analyses used it.
    private var wordStems: [Int32] = []
    private var wordTexts: [String] = []
    private var wordDocuments: [Int] = []
    private var stems: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Per analysis made here, by its serial number: the stem numbers of its stems, in its own order.
    private var analysisStems: [[Int32]?] = []
    private let stemmer: Stemmer
    private let lock = NSLock()
    /// Tells this vocabulary's analyses from another's.
    let identity = UInt64.random(in: 1...UInt64.max)

    init(language: String) {
        stemmer = Stemmer(language: language)
        for word in IndexFormat.stopWords(language: language) {
            var bytes = word
            bytes.withUTF8 { bytes in _ = words.value(of: bytes, hash: WordTable.hash(bytes)) { _ in add(word, stem: -1) } }
        }
    }

    private func add(_ text: String, stem: Int32) -> Int32 {
        wordStems.append(stem)
        wordTexts.append(text)
        wordDocuments.append(0)
        return Int32(wordStems.count - 1)
    }

    /// A document's analysis uses `word` (folded, UTF-8, `hash` its `WordTable.hash`): counts it, and gives the
    /// number and text of its stem, or nil for a stop word. An analysis asks once per distinct word it uses. A CJK
    /// pair is its own stem.
    func use(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, isCJK: Bool) -> (number: Int32, stem: String)? {
        lock.withLock {
            let number = words.value(of: word, hash: hash) { word in
                let text = String(decoding: word, as: UTF8.self)
                let stem = isCJK ? text : stemmer.stem(text)
                if let number = numbers[stem] { return add(text, stem: number) }
                numbers[stem] = Int32(stems.count)
                stems.append(stem)
                return add(text, stem: Int32(stems.count - 1))
            }
            wordDocuments[Int(number)] += 1
            let stem = wordStems[Int(number)]
            return stem < 0 ? nil : (stem, stems[Int(stem)])
        }
    }

    /// Records the stems an analysis used (their numbers, in its order); returns its serial number.
    func finish(analysisStems stemNumbers: [Int32]) -> Int {
        lock.withLock {
            analysisStems.append(stemNumbers)
            return analysisStems.count - 1
        }
    }

    /// The index's numbering of `entries` (in their order), if each analysis made here is among them exactly once
    /// and none was made elsewhere: the stems and words counted here are then exactly theirs. The stem numbers of
    /// the analyses are let go of as they are renumbered, so a vocabulary numbers once.
    func numbering(of entries: [IndexEntry]) -> StemNumbering? {
        lock.withLock {
            guard entries.count == analysisStems.count else { return nil }
            var seen = [Bool](repeating: false, count: entries.count)
            for entry in entries {
                guard let made = entry.madeBy, made.vocabulary == identity, !seen[made.serial], analysisStems[made.serial] != nil else { return nil }
                seen[made.serial] = true
            }
            let order = stems.indices.sorted { stems[$0].utf8.lexicographicallyPrecedes(stems[$1].utf8) }
            var rank = [Int32](repeating: 0, count: stems.count)
            for (place, number) in order.enumerated() { rank[number] = Int32(place) }
            let globalIDs = entries.map { entry -> [Int32] in
                let serial = entry.madeBy!.serial
                defer { analysisStems[serial] = nil }
                return analysisStems[serial]!.map { rank[Int($0)] }
            }
            var lists = [[IndexState.Word]](repeating: [], count: stems.count)
            for (word, stem) in wordStems.enumerated() where stem >= 0 {
                lists[Int(stem)].append(IndexState.Word(text: wordTexts[word], documents: wordDocuments[word]))
            }
            var words: [String: [IndexState.Word]] = [:]
            words.reserveCapacity(stems.count)
            for (number, stem) in stems.enumerated() {
                words[stem] = lists[number].sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            }
            return StemNumbering(stems: order.map { stems[$0] }, globalIDs: globalIDs, words: words)
        }
    }
}
