import Foundation
import Fingerprinting

/// The pairs of consecutive indexed tokens of each paragraph, which answer phrases without the positions
/// of every word: `pairs/HEX.json` maps a pair key (`IndexFormat.pairKey`) to, per document, ordinal
/// delta, length (for BM25), occurrence count, then per occurrence paragraph delta and position (a delta
/// from the previous occurrence when the paragraph is the same, else from 0).
struct PairIndex: Sendable {
    let shardCount: Int
    private let analyses: [DocumentAnalysis]
    private let globalIDs: [[Int32]]
    private let stems: [String]
    private let lengths: [Int]
    /// Per document, the shard of each of its pairs, in `forEachPair` order.
    private let shardsOfPairs: [[UInt16]]
    /// Per shard: its pairs' fingerprint (their stems as text, places and documents' lengths) and how many it has.
    private let fingerprints: [UInt64]
    private let sizes: [Int]
    /// Shards are made a group at a time (a run of shard numbers), each group's entries gathered by one walk over
    /// every document's pairs; at most two groups are held at once, so a large site's pairs are never all in memory.
    private let groups: [ShardGroup]
    private let groupOfShard: [Int]
    /// Per entry: first stem, second stem, gap, ordinal, paragraph, position.
    private static let fields = 6
    /// Entries a group holds, about (24 bytes each: 1.5 MB), and at most this many groups (each costs a walk over
    /// every pair). At 1,000 documents the pairs are eight groups of 2 MB, not two groups of 7 MB held together.
    static let entriesPerGroup = 1 << 16
    private static let maximumGroups = 8

    init(analyses: [DocumentAnalysis], globalIDs: [[Int32]], stems: [String], stemHashes: [UInt64], entriesPerGroup: Int = Self.entriesPerGroup) {
        self.analyses = analyses
        self.globalIDs = globalIDs
        self.stems = stems
        let lengths = analyses.map { IndexFormat.scoringLength($0.length) }
        self.lengths = lengths
        let occurrences = analyses.reduce(0) { $0 + $1.pairCount }
        let shardCount = IndexFormat.shardCount(keys: occurrences, keysPerShard: IndexFormat.pairsPerShard * 2, maximum: IndexFormat.maximumPairShards)
        self.shardCount = shardCount
        // The key's hash continues from the first stem's and a space, so each stem's bytes are hashed once here.
        let afterFirst = stems.map { IndexFormat.fnv([0x20], from: IndexFormat.fnv($0.utf8)) }
        let bytes = stems.map { Array($0.utf8) }
        let gaps = (0..<64).map { Array("\($0) ".utf8) }
        @Sendable func shard(_ first: Int32, _ second: Int32, _ gap: Int32) -> UInt16 {
            var hash = afterFirst[Int(first)]
            if gap != 1 { hash = IndexFormat.fnv(gap < 64 ? gaps[Int(gap)] : Array("\(gap) ".utf8), from: hash) }
            return UInt16(IndexFormat.fnv(bytes[Int(second)], from: hash) & UInt32(shardCount - 1))
        }
        let shardsOfPairs = Array(analyses.indices).concurrentMap { ordinal in
            var numbers: [UInt16] = []
            numbers.reserveCapacity(analyses[ordinal].pairCount)
            let ids = globalIDs[ordinal]
            analyses[ordinal].forEachPair { first, second, gap, _, _ in numbers.append(shard(ids[Int(first)], ids[Int(second)], gap)) }
            return numbers
        }
        self.shardsOfPairs = shardsOfPairs
        // The fingerprints, in the order the entries are made (document by document), the shards split between the cores.
        let parts = Swift.min(shardCount, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        let partResults = Array(0..<parts).concurrentMap { part in
            var hashes = [Fingerprint](repeating: Fingerprint(), count: shardCount)
            var sizes = [Int](repeating: 0, count: shardCount)
            Self.forEachPair(analyses, globalIDs, shardsOfPairs, where: { $0 % parts == part }) { number, ordinal, first, second, gap, paragraph, position in
                sizes[number] += 1
                hashes[number].add(stemHashes[Int(first)])
                hashes[number].add(stemHashes[Int(second)])
                hashes[number].add(UInt64(UInt32(bitPattern: gap)) << 32 | UInt64(UInt32(ordinal)))
                hashes[number].add(UInt64(UInt32(bitPattern: paragraph)) << 32 | UInt64(UInt32(bitPattern: position)))
                hashes[number].add(lengths[ordinal])
            }
            return (hashes.map(\.value), sizes)
        }
        fingerprints = (0..<shardCount).map { partResults[$0 % parts].0[$0] }
        let sizes = (0..<shardCount).map { partResults[$0 % parts].1[$0] }
        self.sizes = sizes
        // Groups of consecutive shards of about equal size.
        let groupCount = Swift.min(Self.maximumGroups, Swift.max(1, occurrences / entriesPerGroup))
        var groups: [ShardGroup] = [], groupOfShard: [Int] = [], start = 0, total = 0
        for number in 0..<shardCount {
            total += sizes[number]
            groupOfShard.append(groups.count)
            if total * groupCount >= occurrences * (groups.count + 1) || number == shardCount - 1 {
                groups.append(ShardGroup(shards: start..<(number + 1)))
                start = number + 1
            }
        }
        self.groups = groups
        self.groupOfShard = groupOfShard
    }

    /// A plan per shard with pairs, its fingerprint made while planning, its entries gathered when it is made.
    func plans() -> [IndexFilePlan] {
        (0..<shardCount).filter { sizes[$0] > 0 }.map { number in
            IndexFilePlan(path: IndexFormat.pairShardPath(number, count: shardCount), fingerprint: fingerprints[number]) {
                let group = groupOfShard[number]
                // Going on to a group lets go of those before the one before it: shards are made in order.
                for earlier in groups[..<Swift.max(0, group - 1)] { earlier.release() }
                return groups[group].withBucket(of: number, gather: gather) { shardData($0) }
            }
        }
    }

    /// The entries of the group's shards, one shard after another, in document order within each: one walk over every pair.
    private func gather(_ shards: Range<Int>) -> (storage: [Int32], starts: [Int]) {
        var starts: [Int] = [], total = 0
        for number in shards {
            starts.append(total)
            total += sizes[number] * Self.fields
        }
        var cursors = starts
        let storage = [Int32](unsafeUninitializedCapacity: total) { storage, initialized in
            Self.forEachPair(analyses, globalIDs, shardsOfPairs, where: shards.contains) { number, ordinal, first, second, gap, paragraph, position in
                let at = cursors[number - shards.lowerBound]
                cursors[number - shards.lowerBound] = at + Self.fields
                storage[at] = first
                storage[at + 1] = second
                storage[at + 2] = gap
                storage[at + 3] = Int32(ordinal)
                storage[at + 4] = paragraph
                storage[at + 5] = position
            }
            initialized = total
        }
        return (storage, starts)
    }

    /// Every pair of every document, in document order, whose shard `accepts`: its shard, document, stems (by their
    /// numbers in the index), gap, paragraph and position.
    private static func forEachPair(_ analyses: [DocumentAnalysis], _ globalIDs: [[Int32]], _ shardsOfPairs: [[UInt16]], where accepts: (Int) -> Bool,
                                    _ body: (_ shard: Int, _ ordinal: Int, _ first: Int32, _ second: Int32, _ gap: Int32, _ paragraph: Int32, _ position: Int32) -> Void) {
        for (ordinal, analysis) in analyses.enumerated() {
            let ids = globalIDs[ordinal], numbers = shardsOfPairs[ordinal]
            var pair = 0
            analysis.forEachPair { first, second, gap, paragraph, position in
                let number = Int(numbers[pair])
                pair += 1
                if accepts(number) { body(number, ordinal, ids[Int(first)], ids[Int(second)], gap, paragraph, position) }
            }
        }
    }

    /// A run of shards whose entries are gathered on first need and let go of when later shards are made.
    private final class ShardGroup: @unchecked Sendable {
        let shards: Range<Int>
        private var gathered: (storage: [Int32], starts: [Int])?
        private let lock = NSLock()

        init(shards: Range<Int>) { self.shards = shards }

        func withBucket<T>(of shard: Int, gather: (Range<Int>) -> (storage: [Int32], starts: [Int]), _ body: (UnsafeBufferPointer<Int32>) -> T) -> T {
            let (storage, starts) = lock.withLock {
                if gathered == nil { gathered = gather(shards) }
                return gathered!
            }
            let index = shard - shards.lowerBound
            let end = index + 1 < starts.count ? starts[index + 1] : storage.count
            return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[index]..<end])) }
        }

        func release() { lock.withLock { gathered = nil } }
    }

    private func shardData(_ bucket: UnsafeBufferPointer<Int32>) -> Data {
        let f = Self.fields
        // Entries grouped by pair, keeping their ordinal, paragraph and position order within a pair.
        let order = (0..<bucket.count / f).map { entry -> (pair: UInt64, gapAndEntry: UInt64) in
            (UInt64(bucket[entry * f]) << 32 | UInt64(bucket[entry * f + 1]), UInt64(bucket[entry * f + 2]) << 32 | UInt64(entry))
        }.sorted { $0 < $1 }.map { Int($0.gapAndEntry & 0xFFFF_FFFF) }
        var json = JSONText()
        json.raw("{")
        var start = 0
        while start < order.count {
            let e = order[start] * f
            var end = start + 1
            while end < order.count, (bucket[order[end] * f], bucket[order[end] * f + 1], bucket[order[end] * f + 2]) == (bucket[e], bucket[e + 1], bucket[e + 2]) { end += 1 }
            if start > 0 { json.raw(",") }
            json.pairKey(stems[Int(bucket[e])], stems[Int(bucket[e + 1])], gap: Int(bucket[e + 2]))
            json.raw(":[")
            var lastOrdinal = 0
            var run = start
            var firstNumber = true
            func put(_ value: Int) {
                if !firstNumber { json.raw(",") }
                firstNumber = false
                json.number(value)
            }
            while run < end {
                let ordinal = Int(bucket[order[run] * f + 3])
                var runEnd = run + 1
                while runEnd < end, Int(bucket[order[runEnd] * f + 3]) == ordinal { runEnd += 1 }
                put(ordinal - lastOrdinal)
                put(lengths[ordinal])
                put(runEnd - run)
                var paragraph = 0, position = 0
                for occurrence in run..<runEnd {
                    let thisParagraph = Int(bucket[order[occurrence] * f + 4]), thisPosition = Int(bucket[order[occurrence] * f + 5])
                    if thisParagraph != paragraph { position = 0 }
                    put(thisParagraph - paragraph)
                    put(thisPosition - position)
                    paragraph = thisParagraph
                    position = thisPosition
                }
                lastOrdinal = ordinal
                run = runEnd
            }
            json.raw("]")
            start = end
        }
        json.raw("}\n")
        return json.data
    }
}
