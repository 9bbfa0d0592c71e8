import Foundation

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

    /// Up to this many changed documents are always updated; up to `maximumChanged`, only while the update
    /// makes at most a quarter of the terms and of the pairs files again (a speaker renamed in the heads of 100
    /// documents reaches a few files; 100 documents rewritten reach most of them, and the whole plan is as quick).
    public static let alwaysUpdated = 16
    public static let maximumChanged = 512

    /// - Parameters:
    ///   - documents: every document, in ordinal order; `keys`, their entries' keys, as in `previous.entryKeys`.
    ///   - entry: the entry of a document whose key changed.
    ///   - oldEntry: the analysis the last build had for a key (`IndexEntry.encodedText`).
    ///   - previousFile: the bytes of a file the last build wrote (a path under `search/`), if it is still as written.
    public init?(writer: IndexWriter, previous: IndexState, documents: [SearchDocument], keys: [UInt64], entry: (Int) -> IndexEntry?,
                 oldEntry: (UInt64) -> Data?, previousFile: @escaping @Sendable (String) -> Data?) {
        guard previous.language == writer.language, keys.count == previous.entryKeys.count, keys.count == documents.count else { return nil }
        let changed = keys.indices.filter { keys[$0] != previous.entryKeys[$0] }
        guard changed.count <= Self.maximumChanged else { return nil }
        var changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)] = []
        for ordinal in changed {
            guard let data = oldEntry(previous.entryKeys[ordinal]), let old = DocumentAnalysis(encoded: data), let new = entry(ordinal)?.analysis else { return nil }
            changes.append((ordinal, old, new))
        }
        let tokens = previous.tokens + changes.reduce(0) { $0 + $1.new.length - $1.old.length }
        let pairOccurrences = previous.pairs + changes.reduce(0) { $0 + $1.new.pairCount - $1.old.pairCount }
        let averageLength = IndexFormat.averageLength(tokens: tokens, documents: documents.count)
        guard averageLength == previous.averageLength,
              IndexFormat.shardCount(keys: pairOccurrences, keysPerShard: IndexFormat.pairsPerShard * 2, maximum: IndexFormat.maximumPairShards) == previous.pairShardCount
        else { return nil }

        var state = previous
        state.entryKeys = keys
        (state.tokens, state.pairs) = (tokens, pairOccurrences)
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
        let removing = Set(changed)

        // Terms: per shard a changed document reaches, its stems' postings without the changed documents, with their new ones.
        let termShards = Array(Self.termChanges(changes, shardCount: previous.termShardCount, averageLength: averageLength))
        let pairShards = Array(Self.pairChanges(changes, shardCount: previous.pairShardCount))
        guard changed.count <= Self.alwaysUpdated
                || (termShards.count * 4 <= previous.termShardCount && pairShards.count * 4 <= previous.pairShardCount) else { return nil }
        let terms = termShards.concurrentMap { shard, stems -> (path: String, merged: KeyedNumbers.Merged)? in
            let path = IndexFormat.shardPath(shard, count: previous.termShardCount)
            let keys = stems.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard let data = file(path),
                  let merged = KeyedNumbers.merge(data, keys: keys, order: KeyedNumbers.byteOrder, change: { index, numbers in
                      Self.postings(numbers, removing: removing, adding: stems[keys[index]]!)
                  }, splice: { index, text in
                      Self.splicedPostings(text, removing: removing, adding: stems[keys[index]]!)
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
        let pairs = pairShards.concurrentMap { shard, pairs -> (path: String, merged: KeyedNumbers.Merged)? in
            let path = IndexFormat.pairShardPath(shard, count: previous.pairShardCount)
            let sorted = pairs.keys.sorted(by: Pair.precedes)
            guard let data = file(path),
                  let merged = KeyedNumbers.merge(data, keys: sorted.map(\.key), order: Pair.order, change: { index, numbers in
                      Self.pairEntries(numbers, removing: removing, adding: pairs[sorted[index]]!)
                  }, splice: { index, text in
                      Self.splicedPairEntries(text, removing: removing, adding: pairs[sorted[index]]!)
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
            guard let data = file(path) else { return nil }
            var named: [(word: String, stem: String)] = []
            if let data {
                guard let parsed = WordsFile.parse(data) else { return nil }
                named = parsed
            }
            // The stems of the file's key: those of its words still used, and of the words that appeared.
            var stems: Set<String> = []
            for (word, stem) in named where IndexFormat.wordKey(word) == key && (state.words[stem]?.contains { $0.text == word } ?? false) { stems.insert(stem) }
            for (word, stem) in appeared where IndexFormat.wordKey(word) == key { stems.insert(stem) }
            if stems.isEmpty {
                keys.remove(key)
                put(path, nil)
            } else {
                keys.insert(key)
                put(path, IndexWriter.wordsFileData(stems: stems) { [words = state.words] in words[$0] })
            }
        }
        state.wordKeys = keys.sorted()

        self.made = made
        self.removed = removed
        self.state = state
        summary = writer.summaryFiles(documents, averageLength: averageLength, shardCount: previous.termShardCount,
                                      pairShardCount: previous.pairShardCount, wordKeys: state.wordKeys)
    }

    /// Per terms shard a changed document reaches, per stem whose posting in a changed document changed, the new
    /// postings (ordinal, impact) of every changed document that uses it (the merge drops all of theirs). A stem
    /// whose impacts stayed the same (the length BM25 takes is coarse) leaves its file alone.
    private static func termChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int,
                                    averageLength: Int) -> [Int: [String: [(ordinal: Int, impact: Int)]]] {
        func impacts(_ analysis: DocumentAnalysis) -> [String: Int] {
            var impacts: [String: Int] = [:]
            analysis.forEachStem { bytes, frequency in
                impacts[String(decoding: bytes, as: UTF8.self)] = IndexFormat.impact(frequency: frequency, length: analysis.length, averageLength: averageLength)
            }
            return impacts
        }
        let postings = changes.map { (ordinal: $0.ordinal, old: impacts($0.old), new: impacts($0.new)) }
        var shards: [Int: [String: [(ordinal: Int, impact: Int)]]] = [:]
        for document in postings {
            for stem in Set(document.old.keys).union(document.new.keys) where document.old[stem] != document.new[stem] {
                let shard = IndexFormat.shard(of: stem, count: shardCount)
                guard shards[shard]?[stem] == nil else { continue }
                shards[shard, default: [:]][stem] = postings.compactMap { other in other.new[stem].map { (other.ordinal, $0) } }
            }
        }
        return shards
    }

    /// The text of a stem's postings (`postings`' numbers) changed as `postings` changes them, only around the changed
    /// documents (`splicedEntries`).
    static func splicedPostings(_ text: UnsafeRawBufferPointer, removing: Set<Int>, adding: [(ordinal: Int, impact: Int)]) -> [UInt8]? {
        splicedEntries(text, removing: removing, adding: adding.map { ($0.ordinal, [$0.impact]) }) { $0.next() != nil }
    }

    /// The text of a pair's entries (`pairEntries`' numbers) changed as `pairEntries` changes them, only around the
    /// changed documents (`splicedEntries`).
    static func splicedPairEntries(_ text: UnsafeRawBufferPointer, removing: Set<Int>, adding: [(ordinal: Int, numbers: [Int])]) -> [UInt8]? {
        splicedEntries(text, removing: removing, adding: adding) { numbers in
            guard numbers.next() != nil, let count = numbers.next(), count >= 0 else { return false }
            for _ in 0..<(2 * count) {
                guard numbers.next() != nil else { return false }
            }
            return true
        }
    }

    /// The text of a key's entries, comma-separated numbers, each entry its document's ordinal (as a gap from the entry
    /// before) and the numbers `skip` passes over, with the entries of the documents `removing` taken out and those of
    /// `adding` (documents of `removing`, each with the numbers after its gap) put in. Only the entries between the first
    /// and the last of those documents are looked at and written again, with the gap of the entry after them: the rest
    /// of the text is copied as it is. A common word is in most documents of the site: decoding and writing its whole
    /// list again for a one-document edit was most of the edit at 100,000 documents. Nil if the text is not such entries.
    static func splicedEntries(_ text: UnsafeRawBufferPointer, removing: Set<Int>, adding: [(ordinal: Int, numbers: [Int])],
                               skip: (inout NumberScanner) -> Bool) -> [UInt8]? {
        guard let low = removing.min(), let high = removing.max(), adding.allSatisfy({ removing.contains($0.ordinal) }) else { return nil }
        var numbers = NumberScanner(text)
        // The entries before the first changed document are kept as they are (`kept`: where their text ends), those after
        // the last one too, but for the gap of the first of them (`after`: its ordinal, and where the rest of it starts).
        var ordinal = 0, before = 0, kept = 0
        var region: [(ordinal: Int, rest: Range<Int>?, numbers: [Int])] = []
        var after: (ordinal: Int, restStart: Int)?
        while let gap = numbers.next() {
            // Ordinals only grow: a gap below 0 is not the writer's, and is left to the decoding path.
            let restStart = numbers.at
            guard gap >= 0, skip(&numbers) else { return nil }
            ordinal += gap
            if ordinal < low {
                (before, kept) = (ordinal, numbers.end)
            } else if ordinal <= high {
                if !removing.contains(ordinal) { region.append((ordinal, restStart..<numbers.end, [])) }
            } else {
                after = (ordinal, restStart)
                break
            }
        }
        guard numbers.valid else { return nil }
        region += adding.map { ($0.ordinal, nil, $0.numbers) }
        region.sort { $0.ordinal < $1.ordinal }
        var json = JSONText()
        json.bytes.reserveCapacity(text.count + 64 * adding.count)
        json.bytes += text[..<kept]
        var last = before
        func put(_ number: Int) {
            if !json.bytes.isEmpty { json.raw(",") }
            json.number(number)
        }
        for entry in region {
            put(entry.ordinal - last)
            if let rest = entry.rest {
                json.raw(",")
                json.bytes += text[rest]
            } else {
                entry.numbers.forEach(put)
            }
            last = entry.ordinal
        }
        if let after {
            put(after.ordinal - last)
            json.raw(",")
            json.bytes += text[after.restStart...]
        }
        return json.bytes
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

    /// Per pairs shard a changed document reaches, per pair whose entry in a changed document changed, the new
    /// entry of every changed document that has it (ordinal, then length, count, and per occurrence paragraph and
    /// position as the writer codes them).
    private static func pairChanges(_ changes: [(ordinal: Int, old: DocumentAnalysis, new: DocumentAnalysis)], shardCount: Int)
        -> [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] {
        let entries = changes.map { (ordinal: $0.ordinal, old: Self.entries($0.old), new: Self.entries($0.new)) }
        var shards: [Int: [Pair: [(ordinal: Int, numbers: [Int])]]] = [:]
        for document in entries {
            // A pair whose entry is the same before and after (same places, same length as BM25 takes it) is left alone.
            for pair in Set(document.old.keys).union(document.new.keys) where document.old[pair] != document.new[pair] {
                let shard = IndexFormat.shard(of: pair.key, count: shardCount)
                guard shards[shard]?[pair] == nil else { continue }
                shards[shard, default: [:]][pair] = entries.compactMap { other in other.new[pair].map { (other.ordinal, $0) } }
            }
        }
        return shards
    }

    /// A document's entry in each of its pairs, as the writer codes it: length, count, and per occurrence paragraph
    /// and position.
    private static func entries(_ analysis: DocumentAnalysis) -> [Pair: [Int]] {
        var stems: [String] = []
        analysis.forEachStem { bytes, _ in stems.append(String(decoding: bytes, as: UTF8.self)) }
        var occurrences: [Pair: [(paragraph: Int, position: Int)]] = [:]
        analysis.forEachPair { first, second, gap, paragraph, position in
            occurrences[Pair(first: stems[Int(first)], second: stems[Int(second)], gap: Int(gap)), default: []].append((Int(paragraph), Int(position)))
        }
        return occurrences.mapValues { list in
            var numbers = [IndexFormat.scoringLength(analysis.length), list.count], paragraph = 0, position = 0
            for occurrence in list {
                if occurrence.paragraph != paragraph { position = 0 }
                numbers += [occurrence.paragraph - paragraph, occurrence.position - position]
                (paragraph, position) = occurrence
            }
            return numbers
        }
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
