import Foundation

/// The shared rules of the static index (README, "Search index"): file names, shard keys, stop words.
/// `search.js` repeats them; the two must agree.
public enum IndexFormat {
    public static let version = 2

    /// The words file a folded word belongs to: its first three characters, ASCII letters and digits as
    /// they are, any other character as `_` and its hexadecimal code point (`中华` → `_4e2d_534e`).
    public static func wordKey(_ word: String) -> String {
        var key = ""
        for scalar in word.unicodeScalars.prefix(keyLength) {
            if scalar.isASCII, Tokenizer.isWordCharacter(scalar) {
                key.unicodeScalars.append(scalar)
            } else {
                key += "_" + String(scalar.value, radix: 16)
            }
        }
        return key
    }

    /// Characters of a word that name its words file; a prefix shorter than this reads every file it begins.
    public static let keyLength = 3

    /// FNV-1a (32 bits) of the key's UTF-8 (a stem, or a pair key): which shard holds it, given a
    /// power-of-two shard count.
    public static func shard(of key: String, count: Int) -> Int {
        Int(fnv(key.utf8) & UInt32(count - 1))
    }

    static func fnv<Bytes: Sequence>(_ bytes: Bytes, from start: UInt32 = 0x811C_9DC5) -> UInt32 where Bytes.Element == UInt8 {
        var hash = start
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// `terms/0a3.json`: hexadecimal, as wide as the largest shard number.
    public static func shardPath(_ shard: Int, count: Int) -> String { hexPath("terms", shard, count: count) }
    /// `pairs/0a3.json`, the same way.
    public static func pairShardPath(_ shard: Int, count: Int) -> String { hexPath("pairs", shard, count: count) }

    private static func hexPath(_ folder: String, _ shard: Int, count: Int) -> String {
        let width = String(max(count - 1, 0), radix: 16).count
        let digits = String(shard, radix: 16)
        return folder + "/" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".json"
    }

    /// The key of two consecutive indexed tokens of a paragraph: their stems, with the distance between
    /// their positions in the middle when it is not 1 (stop words or skipped words between them).
    public static func pairKey(_ first: String, _ second: String, gap: Int) -> String {
        gap == 1 ? first + " " + second : first + " \(gap) " + second
    }

    public static func wordsPath(_ key: String) -> String { "words/\(key).json" }
    public static func documentPath(_ ordinal: Int) -> String { "docs/\(ordinal).json" }
    /// The facet values of the documents of block N (ordinals N × blockSize ..< (N + 1) × blockSize).
    public static func facetBlockPath(_ block: Int) -> String { "facets/\(block).json" }
    public static let indexPath = "index.json"
    /// Documents per facet block.
    public static let blockSize = 256

    /// One shard per `keysPerShard` keys or so, a power of two between 1 and `maximum`.
    static func shardCount(keys: Int, keysPerShard: Int, maximum: Int = 4096) -> Int {
        var count = 1
        while count < maximum && count * keysPerShard < keys { count *= 2 }
        return count
    }

    /// Stems per terms shard and pairs per pairs shard, about: small shards, since a query reads whole files.
    static let stemsPerShard = 64
    static let pairsPerShard = 512
    /// Pairs are about as many as tokens: a large site needs more shards for them to stay small.
    static let maximumPairShards = 16384

    /// BM25's average document length in indexed tokens, rounded, at least 1: whole, so that an edit that
    /// adds or removes a few words seldom changes it, and with it every impact of the index.
    public static func averageLength(tokens: Int, documents: Int) -> Int {
        documents == 0 ? 1 : max(1, Int((Double(tokens) / Double(documents)).rounded()))
    }

    /// A document's length as BM25 takes it: its first four significant bits (within 6–12 %, as search engines keep
    /// lengths in a byte), so that an edit that adds or drops a few words mostly leaves the impacts of the
    /// document's other words, and so their index files, as they were. The same for any length it gives.
    public static func scoringLength(_ length: Int) -> Int {
        guard length >= 16 else { return max(0, length) }
        let dropped = (Int.bitWidth - length.leadingZeroBitCount) - 4
        return (length >> dropped) << dropped
    }

    /// What a word or phrase adds to a document's score before its idf: BM25's saturated frequency
    /// (k1 = 1.2, b = 0.75) times 100, rounded, at least 1. `frequency` counts the head three times.
    /// The writer stores it for words; the engines compute it for phrases, the same way as search.js.
    public static func impact(frequency: Int, length: Int, averageLength: Int) -> Int {
        let norm = 1.2 * (1 - 0.75 + 0.75 * Double(scoringLength(length)) / Double(averageLength))
        let value = Double(frequency) * 2.2 / (Double(frequency) + norm)
        return max(1, Int((value * 100 + 0.5).rounded(.down)))
    }

    /// Words too common to index, for English sites only (other languages index every word).
    public static func stopWords(language: String) -> Set<String> {
        guard language.lowercased().hasPrefix("en") else { return [] }
        return ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
                "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
                "will", "with"]
    }

    /// At most this many scalars of a query are read; the rest is ignored.
    public static let maximumQueryLength = 1000
    /// At most this many words, phrases and excluded words of a query count.
    public static let maximumQueryParts = 16
    /// Pairs of words typed side by side that add to the ranking (each reads a pairs shard): the first ones typed.
    public static let maximumNearbyPairs = 5
    /// A prefix stands for at most this many stems (the first in the words file's order).
    public static let maximumPrefixStems = 64
    /// The best paragraphs shown for each document.
    public static let paragraphsPerHit = 3
}

/// Writes the index's JSON by hand: compact, in a fixed order, so the same input always gives the same bytes.
struct JSONText {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) {
        bytes.append(0x22)
        contents(text)
        bytes.append(0x22)
    }

    /// `IndexFormat.pairKey` as a JSON string, without making the key.
    mutating func pairKey(_ first: String, _ second: String, gap: Int) {
        bytes.append(0x22)
        contents(first)
        bytes.append(0x20)
        if gap != 1 {
            number(gap)
            bytes.append(0x20)
        }
        contents(second)
        bytes.append(0x22)
    }

    /// A string's bytes, escaped, without the quotes.
    private mutating func contents(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole: most text has none.
            var start = 0
            for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        // Markup characters escaped, so that no index file ever holds a tag, even one a document quotes.
        case 0x3C: bytes.append(contentsOf: Array("\\u003c".utf8))
        case 0x3E: bytes.append(contentsOf: Array("\\u003e".utf8))
        case 0x26: bytes.append(contentsOf: Array("\\u0026".utf8))
        default: bytes.append(contentsOf: Array(String(format: "\\u%04x", Int(byte)).utf8))
        }
    }

    /// Decimal digits written straight into the bytes: the index has millions of numbers.
    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var rest = value.magnitude
        guard rest >= 10 else { return bytes.append(0x30 + UInt8(rest)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while rest > 0 {
                digits[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    mutating func numbers<Numbers: Sequence>(_ values: Numbers) where Numbers.Element: BinaryInteger {
        bytes.append(0x5B)
        var first = true
        for value in values {
            if !first { bytes.append(0x2C) }
            first = false
            number(Int(value))
        }
        bytes.append(0x5D)
    }

    var data: Data { Data(bytes) }
}
