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
                 oldEntry: (UInt64) -> Data?, previousFile: (String) -> Data?) {
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
        func file(_ path: String) -> Data?? {
            guard previous.files[path] != nil else { return .some(nil) }
            return previousFile(path).map { .some($0) } ?? nil
        }
        let changes = changed.map { (ordinal: $0, old: old[$0]!, new: analyses[$0]) }

        // Terms: per shard, each stem's postings without the changed documents, then with their new postings.
        var stemDelta = 0
        let termShards = Self.termChanges(changes, shardCount: previous.termShardCount, averageLength: averageLength)
        for (shard, additions) in termShards {
            let path = IndexFormat.shardPath(shard, count: previous.termShardCount)
            guard let data = file(path), let updated = Self.updateTerms(data, removing: Set(changed), adding: additions) else { return nil }
            stemDelta += updated.stems - updated.before
            put(path, updated.data)
        }
        state.stemCount += stemDelta
        guard IndexFormat.shardCount(keys: state.stemCount, keysPerShard: IndexFormat.stemsPerShard) == previous.termShardCount else { return nil }

        // Pairs: per shard, each pair's documents without the changed ones, then with their new occurrences.
        for (shard, additions) in Self.pairChanges(changes, shardCount: previous.pairShardCount) {
            let path = IndexFormat.pairShardPath(shard, count: previous.pairShardCount)
            guard let data = file(path), let updated = Self.updatePairs(data, removing: Set(changed), adding: additions) else { return nil }
            put(path, updated)
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

    /// Per terms shard a changed document reaches: the new postings (stem, ordinal, impact) of the changed documents.
    private static func termChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int,
                                    averageLength: Int) -> [Int: [(stem: String, ordinal: Int, impact: Int)]] {
        var shards: [Int: [(stem: String, ordinal: Int, impact: Int)]] = [:]
        for change in changes {
            change.old.forEachStem { bytes, _ in
                let stem = String(decoding: bytes, as: UTF8.self)
                let shard = IndexFormat.shard(of: stem, count: shardCount)
                if shards[shard] == nil { shards[shard] = [] }
            }
            change.new.forEachStem { bytes, frequency in
                let stem = String(decoding: bytes, as: UTF8.self)
                let impact = IndexFormat.impact(frequency: frequency, length: change.new.length, averageLength: averageLength)
                shards[IndexFormat.shard(of: stem, count: shardCount), default: []].append((stem, change.ordinal, impact))
            }
        }
        return shards
    }

    /// The terms shard `data` (nil: none yet) without the postings of `removing`, with `adding`; nil if it is not one.
    private static func updateTerms(_ data: Data?, removing: Set<Int>, adding: [(stem: String, ordinal: Int, impact: Int)]) -> (data: Data?, stems: Int, before: Int)? {
        var postings: [String: [(ordinal: Int, impact: Int)]] = [:]
        if let data {
            guard let entries = KeyedNumbers.parse(data) else { return nil }
            for (stem, numbers) in entries {
                guard numbers.count % 2 == 0 else { return nil }
                var list: [(ordinal: Int, impact: Int)] = [], ordinal = 0
                for index in stride(from: 0, to: numbers.count, by: 2) {
                    ordinal += numbers[index]
                    if !removing.contains(ordinal) { list.append((ordinal, numbers[index + 1])) }
                }
                postings[stem] = list
            }
        }
        let before = postings.count
        for (stem, ordinal, impact) in adding { postings[stem, default: []].append((ordinal, impact)) }
        let stems = postings.keys.filter { !postings[$0]!.isEmpty }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !stems.isEmpty else { return (nil, 0, before) }
        let entries = stems.map { stem in
            var numbers: [Int] = [], last = 0
            for posting in postings[stem]!.sorted(by: { $0.ordinal < $1.ordinal }) {
                numbers += [posting.ordinal - last, posting.impact]
                last = posting.ordinal
            }
            return (stem, numbers)
        }
        return (KeyedNumbers.data(entries), stems.count, before)
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
        init(first: String, second: String, gap: Int) {
            (self.first, self.second, self.gap) = (first, second, gap)
        }
        /// From a key: "first second" or "first gap second".
        init?(key: String) {
            let parts = key.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2 {
                self.init(first: String(parts[0]), second: String(parts[1]), gap: 1)
            } else if parts.count == 3, let gap = Int(parts[1]), gap != 1 {
                self.init(first: String(parts[0]), second: String(parts[2]), gap: gap)
            } else {
                return nil
            }
        }
    }

    /// Per pairs shard a changed document reaches: per pair, the new entry of each changed document that has it
    /// (ordinal, then length, count, and per occurrence paragraph and position as the writer codes them).
    private static func pairChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int)
        -> [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] {
        var shards: [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] = [:]
        for change in changes {
            for (analysis, isNew) in [(change.old, false), (change.new, true)] {
                var stems: [String] = []
                analysis.forEachStem { bytes, _ in stems.append(String(decoding: bytes, as: UTF8.self)) }
                var occurrences: [Pair: [(paragraph: Int, position: Int)]] = [:]
                var order: [Pair] = []
                analysis.forEachPair { first, second, gap, paragraph, position in
                    let pair = Pair(first: stems[Int(first)], second: stems[Int(second)], gap: Int(gap))
                    if occurrences[pair] == nil { order.append(pair) }
                    occurrences[pair, default: []].append((Int(paragraph), Int(position)))
                }
                for pair in order {
                    let shard = IndexFormat.shard(of: pair.key, count: shardCount)
                    guard isNew else {
                        if shards[shard] == nil { shards[shard] = [:] }
                        continue
                    }
                    let list = occurrences[pair]!
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

    /// The pairs shard `data` (nil: none yet) without the documents `removing`, with `adding`; nil if it is not one.
    private static func updatePairs(_ data: Data?, removing: Set<Int>, adding: [Pair: [(ordinal: Int, numbers: [Int])]]) -> Data?? {
        var entries: [Pair: [(ordinal: Int, numbers: ArraySlice<Int>)]] = [:]
        if let data {
            guard let parsed = KeyedNumbers.parse(data) else { return nil }
            for (key, numbers) in parsed {
                guard let pair = Pair(key: key) else { return nil }
                var list: [(ordinal: Int, numbers: ArraySlice<Int>)] = [], ordinal = 0, at = 0
                while at < numbers.count {
                    guard at + 3 <= numbers.count else { return nil }
                    ordinal += numbers[at]
                    let end = at + 3 + 2 * numbers[at + 2]
                    guard numbers[at + 2] >= 0, end <= numbers.count else { return nil }
                    if !removing.contains(ordinal) { list.append((ordinal, numbers[(at + 1)..<end])) }
                    at = end
                }
                entries[pair] = list
            }
        }
        for (pair, list) in adding {
            for (ordinal, numbers) in list { entries[pair, default: []].append((ordinal, numbers[...])) }
        }
        let pairs = entries.keys.filter { !entries[$0]!.isEmpty }.sorted(by: Pair.precedes)
        guard !pairs.isEmpty else { return .some(nil) }
        return KeyedNumbers.data(pairs.map { pair in
            var numbers: [Int] = [], last = 0
            for entry in entries[pair]!.sorted(by: { $0.ordinal < $1.ordinal }) {
                numbers.append(entry.ordinal - last)
                numbers += entry.numbers
                last = entry.ordinal
            }
            return (pair.key, numbers)
        })
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

/// The index's `{"key":[numbers],...}` files (terms and pairs shards), read and written. Keys are words and
/// pair keys, made of letters, digits and spaces: a key with an escape is not one the writer made.
enum KeyedNumbers {
    static func parse(_ data: Data) -> [(String, [Int])]? {
        data.withUnsafeBytes { bytes -> [(String, [Int])]? in
            var at = 0
            func next() -> UInt8? { at < bytes.count ? bytes[at] : nil }
            guard next() == 0x7B else { return nil }
            at += 1
            var entries: [(String, [Int])] = []
            if next() == 0x7D { at += 1 } else {
                while true {
                    guard next() == 0x22 else { return nil }
                    let start = at + 1
                    guard let end = bytes[start...].firstIndex(where: { $0 == 0x22 || $0 == 0x5C }), bytes[end] == 0x22 else { return nil }
                    let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    at = end + 1
                    guard next() == 0x3A else { return nil }
                    at += 1
                    guard next() == 0x5B else { return nil }
                    at += 1
                    var numbers: [Int] = []
                    if next() == 0x5D { at += 1 } else {
                        while true {
                            var negative = false, value = 0, digits = 0
                            if next() == 0x2D { negative = true; at += 1 }
                            while let byte = next(), byte >= 0x30, byte <= 0x39 {
                                value = value * 10 + Int(byte - 0x30)
                                digits += 1
                                at += 1
                            }
                            guard digits > 0, digits < 19 else { return nil }
                            numbers.append(negative ? -value : value)
                            guard let byte = next() else { return nil }
                            at += 1
                            if byte == 0x5D { break }
                            guard byte == 0x2C else { return nil }
                        }
                    }
                    entries.append((key, numbers))
                    guard let byte = next() else { return nil }
                    at += 1
                    if byte == 0x7D { break }
                    guard byte == 0x2C else { return nil }
                }
            }
            guard next() == 0x0A, at + 1 == bytes.count else { return nil }
            return entries
        }
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
