import Foundation
import Fingerprinting

/// What a build keeps of the index it wrote, besides its files, so that the next build can update the files a
/// few changed documents touch instead of planning the index whole (`IndexUpdate`): the numbers every file
/// depends on, each document's entry key, every word with the number of documents that use it, and each
/// shard and words file with the fingerprint of its job (which tells whether the files on disk are still these).
public struct IndexState: Sendable, Equatable {
    public var language: String
    var averageLength: Int
    var termShardCount: Int
    var pairShardCount: Int
    var stemCount: Int
    /// Indexed tokens and pairs of all documents: the average length and the pairs' shard count come from them.
    var tokens: Int
    var pairs: Int
    /// Per document, in ordinal order, the key of its entry (its inputs' fingerprint, made by the caller).
    public var entryKeys: [UInt64]
    /// Per stem, its words and how many documents use each, the words in UTF-8 order.
    var words: StemWords
    /// Every words file's key, in order.
    var wordKeys: [String]
    /// Every terms, pairs and words file (path under `search/`) with the fingerprint of its job.
    public var files: [String: UInt64]

    /// Whether a path under `search/` is one of the files `files` holds: those an update reads and changes.
    public static func holds(_ path: String) -> Bool { ["terms/", "pairs/", "words/"].contains(where: path.hasPrefix) }

    struct Word: Sendable, Equatable {
        var text: String
        var documents: Int
    }

    /// This file's own layout, then the index format and the analyses' coding it goes with.
    private static let layoutVersion = 3
    private static let header = Array("scholia-search-state \(layoutVersion) \(IndexFormat.version) \(DocumentAnalysis.codingVersion)\n".utf8)

    /// The compact form, with a fingerprint of it at the end.
    public var encoded: Data {
        var writer = ByteWriter()
        writer.bytes = Self.header
        writer.string(language)
        for number in [averageLength, termShardCount, pairShardCount, stemCount, tokens, pairs, entryKeys.count] { writer.integer(number) }
        for key in entryKeys { writer.integer(Int(bitPattern: UInt(key))) }
        writer.integer(words.count)
        // In byte order (quicker than `String`'s own, and as stable); each word after its stem, as analyses write them.
        words.forEach { stem, list in
            writer.string(stem)
            writer.integer(list.count)
            for word in list {
                writer.word(word.text, stem: stem)
                writer.integer(word.documents)
            }
        }
        writer.integer(wordKeys.count)
        for key in wordKeys { writer.string(key) }
        writer.integer(files.count)
        for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            writer.string(path)
            writer.integer(Int(bitPattern: UInt(files[path]!)))
        }
        var check = Fingerprint()
        writer.bytes.withUnsafeBytes { check.add(bytes: $0) }
        withUnsafeBytes(of: check.value.littleEndian) { writer.bytes.append(contentsOf: $0) }
        return Data(writer.bytes)
    }

    /// The state in `data`, or nil if it is not one whole (another version, cut short, edited).
    public init?(encoded data: Data) {
        guard data.count >= Self.header.count + 8, data.starts(with: Self.header) else { return nil }
        let decoded: IndexState? = data.withUnsafeBytes { all in
            let body = UnsafeRawBufferPointer(rebasing: all[0..<(all.count - 8)])
            var check = Fingerprint()
            check.add(bytes: body)
            guard all.loadUnaligned(fromByteOffset: all.count - 8, as: UInt64.self) == check.value.littleEndian else { return nil }
            var reader = ByteReader(body)
            reader.offset = Self.header.count
            func text() -> String? { reader.string().map { String(decoding: $0, as: UTF8.self) } }
            func count() -> Int? { reader.integer().flatMap { (0...body.count).contains($0) ? $0 : nil } }
            guard let language = text(), let averageLength = reader.integer(), let termShardCount = reader.integer(),
                  let pairShardCount = reader.integer(), let stemCount = reader.integer(), let tokens = reader.integer(), let pairs = reader.integer(),
                  let documents = count() else { return nil }
            var keys: [UInt64] = []
            keys.reserveCapacity(documents)
            for _ in 0..<documents {
                guard let key = reader.integer() else { return nil }
                keys.append(UInt64(UInt(bitPattern: key)))
            }
            guard let stems = count() else { return nil }
            var stemTexts: [String] = [], lists: [[Word]] = []
            stemTexts.reserveCapacity(stems)
            lists.reserveCapacity(stems)
            var word: [UInt8] = []
            for _ in 0..<stems {
                guard let stemBytes = reader.string(), let number = count() else { return nil }
                let stem = String(decoding: stemBytes, as: UTF8.self)
                // Written in byte order, each stem once: anything else is not a state this code wrote.
                if let last = stemTexts.last, !StemWords.precedes(last, stem) { return nil }
                var list: [Word] = []
                list.reserveCapacity(number)
                for _ in 0..<number {
                    guard reader.word(stem: stemBytes, into: &word), let documents = reader.integer() else { return nil }
                    list.append(Word(text: String(decoding: word, as: UTF8.self), documents: documents))
                }
                stemTexts.append(stem)
                lists.append(list)
            }
            let words = StemWords(sortedStems: stemTexts, lists: lists)
            guard let keyCount = count() else { return nil }
            var wordKeys: [String] = []
            for _ in 0..<keyCount {
                guard let key = text() else { return nil }
                wordKeys.append(key)
            }
            guard let fileCount = count() else { return nil }
            var files: [String: UInt64] = [:]
            files.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                guard let path = text(), let fingerprint = reader.integer() else { return nil }
                files[path] = UInt64(UInt(bitPattern: fingerprint))
            }
            guard reader.isAtEnd else { return nil }
            return IndexState(language: language, averageLength: averageLength, termShardCount: termShardCount, pairShardCount: pairShardCount,
                              stemCount: stemCount, tokens: tokens, pairs: pairs, entryKeys: keys, words: words, wordKeys: wordKeys, files: files)
        }
        guard let decoded else { return nil }
        self = decoded
    }

    init(language: String, averageLength: Int, termShardCount: Int, pairShardCount: Int, stemCount: Int, tokens: Int, pairs: Int, entryKeys: [UInt64],
         words: StemWords, wordKeys: [String], files: [String: UInt64]) {
        self.language = language
        self.averageLength = averageLength
        self.termShardCount = termShardCount
        self.pairShardCount = pairShardCount
        self.stemCount = stemCount
        self.tokens = tokens
        self.pairs = pairs
        self.entryKeys = entryKeys
        self.words = words
        self.wordKeys = wordKeys
        self.files = files
    }
}
