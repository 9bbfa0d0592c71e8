import Foundation

/// The shared rules of the static index (README, "Search index"): file names, shard keys, stop words.
/// `search.js` repeats them; the two must agree.
public enum IndexFormat {
    public static let version = 1

    /// The words file a folded word belongs to: its first two characters, ASCII letters and digits as they
    /// are, any other character as `_` and its hexadecimal code point (`中华` → `_4e2d_534e`).
    public static func wordKey(_ word: String) -> String {
        var key = ""
        for scalar in word.unicodeScalars.prefix(2) {
            if scalar.isASCII, Tokenizer.isWordCharacter(scalar) {
                key.unicodeScalars.append(scalar)
            } else {
                key += "_" + String(scalar.value, radix: 16)
            }
        }
        return key
    }

    /// FNV-1a (32 bits) of the stem's UTF-8: which terms shard holds it, given a power-of-two shard count.
    public static func shard(of stem: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in stem.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash & UInt32(count - 1))
    }

    /// `terms/0a3.json`: hexadecimal, as wide as the largest shard number.
    public static func shardPath(_ shard: Int, count: Int) -> String {
        let width = String(max(count - 1, 0), radix: 16).count
        let digits = String(shard, radix: 16)
        return "terms/" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".json"
    }

    public static func wordsPath(_ key: String) -> String { "words/\(key).json" }
    public static func documentPath(_ ordinal: Int) -> String { "docs/\(ordinal).json" }
    public static let indexPath = "index.json"

    /// One shard per 128 stems or so, a power of two between 1 and 4096.
    static func shardCount(stems: Int) -> Int {
        var count = 1
        while count < 4096 && count * 128 < stems { count *= 2 }
        return count
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
        for byte in text.utf8 {
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
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", Int(byte)).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func number(_ value: Int) { raw(String(value)) }

    mutating func numbers(_ values: [Int]) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            raw(String(value))
        }
        bytes.append(0x5D)
    }

    var data: Data { Data(bytes) }
}
