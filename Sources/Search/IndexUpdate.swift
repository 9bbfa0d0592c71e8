import Foundation
import Fingerprinting

/// The index after a few documents changed, made from the last build's files and state rather than planned
/// whole: only the terms, pairs and words files that a changed document's words reach (before or after the
/// change) are read, changed and made again. Planning the whole index walks every word of every document:
/// most of a one-document edit's time on a large site.
///
/// It applies when the documents are the same ones in the same order, and the numbers every file depends on
/// (the average length, the shard counts) stay the same; otherwise, or when a file or the old entry of a
/// changed document is missing, it gives nil and the caller plans the index whole.
public struct IndexUpdate: Sendable {
    /// The files made again, and those gone (paths under `search/`).
    public let made: [IndexFile]
    public let removed: Set<String>
    /// The facets files and `index.json`, made every time.
    public let summary: [IndexFile]
    /// The state after the update; `files` holds the kept files' fingerprints, the caller adds the made ones'.
    public let state: IndexState

    /// More changed documents than this and planning the whole index is as quick.
    public static let maximumChanged = 16

    /// - Parameters:
    ///   - keys: each entry's key, as in `previous.entryKeys`.
    ///   - oldEntry: the analysis the last build had for a key (`IndexEntry.encodedText`).
    ///   - previousFile: the bytes of a file the last build wrote (a path under `search/`), if it is still as written.
    public init?(writer: IndexWriter, previous: IndexState, entries: [IndexEntry], keys: [UInt64],
                 oldEntry: (UInt64) -> Data?, previousFile: @escaping @Sendable (String) -> Data?) {
        guard previous.language == writer.language, keys.count == previous.entryKeys.count, keys.count == entries.count else { return nil }
        let changed = keys.indices.filter { keys[$0] != previous.entryKeys[$0] }
        guard changed.count <= Self.maximumChanged else { return nil }
        var old: [Int: DocumentAnalysis] = [:]
        for ordinal in changed {
            guard let data = oldEntry(previous.entryKeys[ordinal]), let analysis = DocumentAnalysis(encoded: data) else { return nil }
            old[ordinal] = analysis
        }
        let analyses = entries.map(\.analysis)
        let averageLength = IndexFormat.averageLength(tokens: analyses.reduce(0) { $0 + $1.length }, documents: analyses.count)
        let pairOccurrences = analyses.reduce(0) { $0 + $1.pairCount }
        guard averageLength == previous.averageLength,
              IndexFormat.shardCount(keys: pairOccurrences, keysPerShard: IndexFormat.pairsPerShard * 2, maximum: IndexFormat.maximumPairShards) == previous.pairShardCount
        else { return nil }

        var state = previous
        state.entryKeys = keys
        var made: [IndexFile] = [], removed: Set<String> = []
        func put(_ path: String, _ data: Data?) {
            state.files[path] = nil
            if let data { made.append(IndexFile(path: path, data: data)) } else if previous.files[path] != nil { removed.insert(path) }
        }
        let files = previous.files
        /// The last build's file at `path`: nil if it is missing or not as written, .some(nil) if that build made none.
        @Sendable func file(_ path: String) -> Data?? {
            guard files[path] != nil else { return .some(nil) }
            return previousFile(path).map { .some($0) } ?? nil
        }
        let changes = changed.map { (ordinal: $0, old: old[$0]!, new: analyses[$0]) }
        let removing = Set(changed)

        // Terms: per shard a changed document reaches, its stems' postings without the changed documents, with their new ones.
        let termShards = Array(Self.termChanges(changes, shardCount: previous.termShardCount, averageLength: averageLength))
        let terms = termShards.concurrentMap { shard, stems -> (path: String, merged: KeyedNumbers.Merged)? in
            let path = IndexFormat.shardPath(shard, count: previous.termShardCount)
            let keys = stems.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard let data = file(path),
                  let merged = KeyedNumbers.merge(data, keys: keys, order: KeyedNumbers.byteOrder, change: { index, numbers in
                      Self.postings(numbers, removing: removing, adding: stems[keys[index]]!)
                  }) else { return nil }
            return (path, merged)
        }
        for result in terms {
            guard let result else { return nil }
            state.stemCount += result.merged.added - result.merged.dropped
            put(result.path, result.merged.data)
        }
        guard IndexFormat.shardCount(keys: state.stemCount, keysPerShard: IndexFormat.stemsPerShard) == previous.termShardCount else { return nil }

        // Pairs: per shard a changed document reaches, its pairs' documents without the changed ones, with their new occurrences.
        let pairShards = Array(Self.pairChanges(changes, shardCount: previous.pairShardCount))
        let pairs = pairShards.concurrentMap { shard, pairs -> (path: String, merged: KeyedNumbers.Merged)? in
            let path = IndexFormat.pairShardPath(shard, count: previous.pairShardCount)
            let sorted = pairs.keys.sorted(by: Pair.precedes)
            guard let data = file(path),
                  let merged = KeyedNumbers.merge(data, keys: sorted.map(\.key), order: Pair.order, change: { index, numbers in
                      Self.pairEntries(numbers, removing: removing, adding: pairs[sorted[index]]!)
                  }) else { return nil }
            return (path, merged)
        }
        for result in pairs {
            guard let result else { return nil }
            put(result.path, result.merged.data)
        }

        // Words: the counts of documents per word; a word that appears or goes changes the files of its stem's words.
        var counted: [String: (stem: String, delta: Int)] = [:]
        for change in changes {
            change.old.forEachWord { word, stem in counted[word, default: (stem, 0)].delta -= 1 }
            change.new.forEachWord { word, stem in counted[word, default: (stem, 0)].delta += 1 }
        }
        var touchedKeys: Set<String> = [], appeared: [String: String] = [:]
        for (word, (stem, delta)) in counted where delta != 0 {
            var list = state.words[stem] ?? []
            let place = list.firstIndex { $0.text == word }
            let before = place.map { list[$0].documents } ?? 0
            let after = before + delta
            guard after >= 0 else { return nil }
            if let place { list[place].documents = after } else { list.append(.init(text: word, documents: after)) }
            guard (before == 0) != (after == 0) else {
                state.words[stem] = list
                continue
            }
            if after > 0 { appeared[word] = stem }
            // Every file that names the stem: the keys of its words before and after.
            for other in state.words[stem] ?? [] { touchedKeys.insert(IndexFormat.wordKey(other.text)) }
            touchedKeys.insert(IndexFormat.wordKey(word))
            list.removeAll { $0.documents == 0 }
            list.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            state.words[stem] = list.isEmpty ? nil : list
        }
        var keys = Set(previous.wordKeys)
        for key in touchedKeys {
            let path = IndexFormat.wordsPath(key)
            guard let data = file(path), let named = data.map(WordsFile.parse) ?? [] else { return nil }
            // The stems of the file's key: those of its words still used, and of the words that appeared.
            var stems: Set<String> = []
            for (word, stem) in named where IndexFormat.wordKey(word) == key && (state.words[stem]?.contains { $0.text == word } ?? false) { stems.insert(stem) }
            for (word, stem) in appeared where IndexFormat.wordKey(word) == key { stems.insert(stem) }
            if stems.isEmpty {
                keys.remove(key)
                put(path, nil)
            } else {
                keys.insert(key)
                put(path, IndexWriter.wordsFileData(stems: stems, state.words))
            }
        }
        state.wordKeys = keys.sorted()

        self.made = made
        self.removed = removed
        self.state = state
        summary = writer.summaryFiles(entries.map(\.document), averageLength: averageLength, shardCount: previous.termShardCount,
                                      pairShardCount: previous.pairShardCount, wordKeys: state.wordKeys)
    }

    /// Per terms shard a changed document reaches, per stem of a changed document (before or after), the new
    /// postings (ordinal, impact) of the changed documents that use it.
    private static func termChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int,
                                    averageLength: Int) -> [Int: [String: [(ordinal: Int, impact: Int)]]] {
        var shards: [Int: [String: [(ordinal: Int, impact: Int)]]] = [:]
        for change in changes {
            change.old.forEachStem { bytes, _ in
                let stem = String(decoding: bytes, as: UTF8.self)
                shards[IndexFormat.shard(of: stem, count: shardCount), default: [:]][stem, default: []].reserveCapacity(1)
            }
            change.new.forEachStem { bytes, frequency in
                let stem = String(decoding: bytes, as: UTF8.self)
                let impact = IndexFormat.impact(frequency: frequency, length: change.new.length, averageLength: averageLength)
                shards[IndexFormat.shard(of: stem, count: shardCount), default: [:]][stem, default: []].append((change.ordinal, impact))
            }
        }
        return shards
    }

    /// A stem's postings (ordinal delta, impact) without the documents `removing`, with `adding`.
    private static func postings(_ numbers: [Int]?, removing: Set<Int>, adding: [(ordinal: Int, impact: Int)]) -> [Int]? {
        var list: [(ordinal: Int, impact: Int)] = []
        if let numbers {
            guard numbers.count % 2 == 0 else { return nil }
            var ordinal = 0
            for index in stride(from: 0, to: numbers.count, by: 2) {
                ordinal += numbers[index]
                if !removing.contains(ordinal) { list.append((ordinal, numbers[index + 1])) }
            }
        }
        list += adding
        var result: [Int] = [], last = 0
        for posting in list.sorted(by: { $0.ordinal < $1.ordinal }) {
            result += [posting.ordinal - last, posting.impact]
            last = posting.ordinal
        }
        return result
    }

    /// A pair of consecutive indexed tokens: its stems and the gap between them.
    private struct Pair: Hashable {
        var first: String, second: String, gap: Int
        var key: String { IndexFormat.pairKey(first, second, gap: gap) }

        /// The writer's order: by first stem, second stem (UTF-8), then gap.
        static func precedes(_ a: Pair, _ b: Pair) -> Bool {
            if a.first != b.first { return a.first.utf8.lexicographicallyPrecedes(b.first.utf8) }
            if a.second != b.second { return a.second.utf8.lexicographicallyPrecedes(b.second.utf8) }
            return a.gap < b.gap
        }

        /// The same order on two keys' bytes ("first second" or "first gap second"): negative, zero or positive.
        static func order(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
            let (a, b) = (parts(a), parts(b))
            let first = KeyedNumbers.byteOrder(a.first, b.first)
            if first != 0 { return first }
            let second = KeyedNumbers.byteOrder(a.second, b.second)
            return second != 0 ? second : a.gap - b.gap
        }

        private static func parts(_ key: UnsafeRawBufferPointer) -> (first: UnsafeRawBufferPointer, gap: Int, second: UnsafeRawBufferPointer) {
            guard let space = key.firstIndex(of: 0x20) else { return (key, 1, UnsafeRawBufferPointer(rebasing: key[key.count...])) }
            let first = UnsafeRawBufferPointer(rebasing: key[..<space])
            let rest = UnsafeRawBufferPointer(rebasing: key[(space + 1)...])
            guard let next = rest.firstIndex(of: 0x20) else { return (first, 1, rest) }
            let gap = rest[..<next].reduce(0) { $0 * 10 + Int($1) - 0x30 }
            return (first, gap, UnsafeRawBufferPointer(rebasing: rest[(next + 1)...]))
        }
    }

    /// Per pairs shard a changed document reaches, per pair of a changed document (before or after), the new
    /// entry of each changed document that has it (ordinal, then length, count, and per occurrence paragraph and
    /// position as the writer codes them).
    private static func pairChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int)
        -> [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] {
        var shards: [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] = [:]
        for change in changes {
            for (analysis, isNew) in [(change.old, false), (change.new, true)] {
                var stems: [String] = []
                analysis.forEachStem { bytes, _ in stems.append(String(decoding: bytes, as: UTF8.self)) }
                var occurrences: [Pair: [(paragraph: Int, position: Int)]] = [:]
                analysis.forEachPair { first, second, gap, paragraph, position in
                    occurrences[Pair(first: stems[Int(first)], second: stems[Int(second)], gap: Int(gap)), default: []].append((Int(paragraph), Int(position)))
                }
                for (pair, list) in occurrences {
                    let shard = IndexFormat.shard(of: pair.key, count: shardCount)
                    guard isNew else {
                        shards[shard, default: [:]][pair, default: []].reserveCapacity(1)
                        continue
                    }
                    var numbers = [analysis.length, list.count], paragraph = 0, position = 0
                    for occurrence in list {
                        if occurrence.paragraph != paragraph { position = 0 }
                        numbers += [occurrence.paragraph - paragraph, occurrence.position - position]
                        (paragraph, position) = occurrence
                    }
                    shards[shard, default: [:]][pair, default: []].append((change.ordinal, numbers))
                }
            }
        }
        return shards
    }

    /// A pair's documents (ordinal delta, length, count, occurrences) without the documents `removing`, with `adding`.
    private static func pairEntries(_ numbers: [Int]?, removing: Set<Int>, adding: [(ordinal: Int, numbers: [Int])]) -> [Int]? {
        var list: [(ordinal: Int, numbers: ArraySlice<Int>)] = []
        if let numbers {
            var ordinal = 0, at = 0
            while at < numbers.count {
                guard at + 3 <= numbers.count, numbers[at + 2] >= 0 else { return nil }
                ordinal += numbers[at]
                let end = at + 3 + 2 * numbers[at + 2]
                guard end <= numbers.count else { return nil }
                if !removing.contains(ordinal) { list.append((ordinal, numbers[(at + 1)..<end])) }
                at = end
            }
        }
        list += adding.map { ($0.ordinal, $0.numbers[...]) }
        var result: [Int] = [], last = 0
        for entry in list.sorted(by: { $0.ordinal < $1.ordinal }) {
            result.append(entry.ordinal - last)
            result += entry.numbers
            last = entry.ordinal
        }
        return result
    }
}

extension DocumentAnalysis {
    /// Each word the document uses (folded) with its stem.
    func forEachWord(_ body: (String, String) -> Void) {
        var stems: [String] = []
        forEachStem { bytes, _ in stems.append(String(decoding: bytes, as: UTF8.self)) }
        forEachSurface { bytes, stem in body(String(decoding: bytes, as: UTF8.self), stems[stem]) }
    }
}

/// The index's `{"key":[numbers],...}` files (terms and pairs shards), read, written and changed in place. Keys are
/// words and pair keys, made of letters, digits and spaces: a key with an escape is not one the writer made.
enum KeyedNumbers {
    static func parse(_ data: Data) -> [(String, [Int])]? {
        var entries: [(String, [Int])] = []
        let valid = data.withUnsafeBytes { bytes in
            forEachEntry(bytes) { key, numbers in
                guard let numbers = Self.numbers(numbers) else { return false }
                entries.append((String(decoding: key, as: UTF8.self), numbers))
                return true
            }
        }
        return valid ? entries : nil
    }

    static func data(_ entries: [(String, [Int])]) -> Data {
        var json = JSONText()
        json.raw("{")
        for (index, (key, numbers)) in entries.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(key)
            json.raw(":")
            json.numbers(numbers)
        }
        json.raw("}\n")
        return json.data
    }

    /// A file changed by `merge`: its bytes (nil: no entry is left), and how many keys came and went.
    struct Merged {
        var data: Data?
        var added = 0
        var dropped = 0
    }

    /// `data` (nil: no file yet) with the entries of `keys` (in the file's order, `order`) changed: `change` gets
    /// each key's numbers in the file (nil if it has none) and gives its new ones (empty: the key goes). Every other
    /// entry is copied as it is. Nil if `data` is not such a file or `change` gives nil.
    static func merge(_ data: Data?, keys: [String], order: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int,
                      change: (Int, [Int]?) -> [Int]?) -> Merged? {
        var json = JSONText()
        json.raw("{")
        var merged = Merged(), entries = 0, next = 0, failed = false
        let keyBytes = keys.map { Array($0.utf8) }
        func put(_ key: Int, _ numbers: [Int]) {
            if entries > 0 { json.raw(",") }
            entries += 1
            json.string(keys[key])
            json.raw(":")
            json.numbers(numbers)
        }
        /// The keys that come before `key` in the file's order (or all that are left): not in the file.
        func putNew(before key: UnsafeRawBufferPointer?) {
            while next < keys.count, key.map({ bound in keyBytes[next].withUnsafeBytes { order($0, bound) } < 0 }) ?? true {
                guard let numbers = change(next, nil) else { return failed = true }
                if !numbers.isEmpty {
                    put(next, numbers)
                    merged.added += 1
                }
                next += 1
            }
        }
        if let data {
            let valid = data.withUnsafeBytes { bytes in
                forEachEntry(bytes) { key, numbers in
                    putNew(before: key)
                    if next < keys.count, keyBytes[next].withUnsafeBytes({ order($0, key) }) == 0 {
                        guard let old = Self.numbers(numbers), let new = change(next, old) else { return false }
                        next += 1
                        if new.isEmpty { merged.dropped += 1 } else { put(next - 1, new) }
                    } else {
                        if entries > 0 { json.raw(",") }
                        entries += 1
                        // The entry as it is: from the key's opening quote to the numbers' closing bracket.
                        let start = key.baseAddress! - bytes.baseAddress! - 1
                        let end = numbers.baseAddress! - bytes.baseAddress! + numbers.count + 1
                        json.bytes.append(contentsOf: bytes[start..<end])
                    }
                    return !failed
                }
            }
            guard valid else { return nil }
        }
        putNew(before: nil)
        guard !failed else { return nil }
        json.raw("}\n")
        merged.data = entries > 0 ? json.data : nil
        return merged
    }

    /// Byte order of two keys: negative, zero or positive.
    static func byteOrder(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let compared = memcmp(a.baseAddress!, b.baseAddress!, common)
            if compared != 0 { return Int(compared) }
        }
        return a.count - b.count
    }

    /// Calls `body` with each entry's key and the text between its numbers' brackets, in order; false if the bytes
    /// are not such a file or `body` says to stop.
    private static func forEachEntry(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard bytes.count >= 3, bytes[0] == 0x7B, bytes[bytes.count - 2] == 0x7D, bytes[bytes.count - 1] == 0x0A else { return false }
        let end = bytes.count - 2
        var at = 1
        while at < end {
            guard bytes[at] == 0x22, let close = bytes[(at + 1)..<end].firstIndex(where: { $0 == 0x22 || $0 == 0x5C }), bytes[close] == 0x22,
                  close + 2 < end, bytes[close + 1] == 0x3A, bytes[close + 2] == 0x5B,
                  let bracket = bytes[(close + 3)..<end].firstIndex(of: 0x5D) else { return false }
            guard body(UnsafeRawBufferPointer(rebasing: bytes[(at + 1)..<close]), UnsafeRawBufferPointer(rebasing: bytes[(close + 3)..<bracket])) else { return false }
            at = bracket + 1
            if at < end {
                guard bytes[at] == 0x2C, at + 1 < end else { return false }
                at += 1
            }
        }
        return true
    }

    /// Comma-separated integers; nil if anything else.
    private static func numbers(_ text: UnsafeRawBufferPointer) -> [Int]? {
        var numbers: [Int] = []
        guard !text.isEmpty else { return numbers }
        var value = 0, digits = 0, negative = false
        for byte in text {
            switch byte {
            case 0x30...0x39:
                guard digits < 18 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            case 0x2D where digits == 0 && !negative:
                negative = true
            case 0x2C where digits > 0:
                numbers.append(negative ? -value : value)
                (value, digits, negative) = (0, 0, false)
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(negative ? -value : value)
        return numbers
    }
}

/// A words file (`IndexWriter.wordsFileData`): its words with their stems.
enum WordsFile {
    static func parse(_ data: Data) -> [(word: String, stem: String)]? {
        guard let items = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return nil }
        var words: [(word: String, stem: String)] = []
        for item in items {
            if let word = item as? String {
                words.append((word, word))
            } else if let pair = item as? [String], pair.count == 2 {
                words.append((pair[0], pair[1]))
            } else {
                return nil
            }
        }
        return words
    }
}
