import Foundation
import Fingerprinting

/// The pairs of consecutive indexed tokens of each paragraph, which answer phrases without the positions
/// of every word: `pairs/HEX.json` maps a pair key (`IndexFormat.pairKey`) to, per document, ordinal
/// delta, length (for BM25), occurrence count, then per occurrence paragraph delta and position (a delta
/// from the previous occurrence when the paragraph is the same, else from 0).
struct PairIndex: Sendable {
    let shardCount: Int
    /// Per shard, flat: first stem, second stem, gap, ordinal, paragraph, position; in ordinal order.
    private let buckets: [ArraySlice<Int32>]
    private let stems: [String]
    private let stemHashes: [UInt64]
    private let lengths: [Int]
    private static let fields = 6

    init(analyses: [DocumentAnalysis], globalIDs: [[Int32]], stems: [String], stemHashes: [UInt64]) {
        self.stems = stems
        self.stemHashes = stemHashes
        lengths = analyses.map(\.length)
        let occurrences = analyses.reduce(0) { $0 + $1.pairCount }
        let shardCount = IndexFormat.shardCount(keys: occurrences, keysPerShard: IndexFormat.pairsPerShard * 2, maximum: IndexFormat.maximumPairShards)
        self.shardCount = shardCount
        // The key's hash continues from the first stem's and a space, so each stem's bytes are hashed once here.
        let afterFirst = stems.map { IndexFormat.fnv([0x20], from: IndexFormat.fnv($0.utf8)) }
        let bytes = stems.map { Array($0.utf8) }
        let gaps = (0..<64).map { Array("\($0) ".utf8) }
        @Sendable func shard(_ first: Int32, _ second: Int32, _ gap: Int32) -> Int32 {
            var hash = afterFirst[Int(first)]
            if gap != 1 { hash = IndexFormat.fnv(gap < 64 ? gaps[Int(gap)] : Array("\(gap) ".utf8), from: hash) }
            return Int32(IndexFormat.fnv(bytes[Int(second)], from: hash) & UInt32(shardCount - 1))
        }
        // Each pair's shard, on every core; then the pairs go to their shards in ordinal order.
        let shardsOfPairs = Array(analyses.indices).concurrentMap { ordinal in
            var numbers: [Int32] = []
            numbers.reserveCapacity(analyses[ordinal].pairCount)
            let ids = globalIDs[ordinal]
            analyses[ordinal].forEachPair { first, second, gap, _, _ in numbers.append(shard(ids[Int(first)], ids[Int(second)], gap)) }
            return numbers
        }
        // Shards split between the cores by their number: each part walks every document's pairs and writes its
        // shards' entries, one shard after another, into storage made once at its final size.
        var sizes = [Int](repeating: 0, count: shardCount)
        for numbers in shardsOfPairs { for number in numbers { sizes[Int(number)] += Self.fields } }
        let parts = Swift.min(shardCount, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        let partStorage = Array(0..<parts).concurrentMap { [sizes] part in
            let shards = Array(stride(from: part, to: shardCount, by: parts))
            var starts: [Int] = [], total = 0
            for shard in shards {
                starts.append(total)
                total += sizes[shard]
            }
            var cursors = starts
            let storage = [Int32](unsafeUninitializedCapacity: total) { storage, initialized in
                for (ordinal, analysis) in analyses.enumerated() {
                    let ids = globalIDs[ordinal], numbers = shardsOfPairs[ordinal]
                    var pair = 0
                    analysis.forEachPair { firstLocal, secondLocal, gap, paragraph, position in
                        let number = Int(numbers[pair])
                        pair += 1
                        guard number % parts == part else { return }
                        let at = cursors[number / parts]
                        cursors[number / parts] = at + Self.fields
                        storage[at] = ids[Int(firstLocal)]
                        storage[at + 1] = ids[Int(secondLocal)]
                        storage[at + 2] = gap
                        storage[at + 3] = Int32(ordinal)
                        storage[at + 4] = paragraph
                        storage[at + 5] = position
                    }
                }
                initialized = total
            }
            return shards.indices.map { storage[starts[$0]..<(starts[$0] + sizes[shards[$0]])] }
        }
        let buckets = (0..<shardCount).map { partStorage[$0 % parts][$0 / parts] }
        self.buckets = buckets
    }

    /// A plan per shard, fingerprinted by its pairs (their stems as text), their places and the lengths of their documents.
    func plans() -> [IndexFilePlan] {
        buckets.enumerated().filter { !$0.element.isEmpty }.concurrentMap { number, slice in
            var hash = Fingerprint()
            slice.withUnsafeBufferPointer { bucket in
                var entry = 0
                while entry < bucket.count {
                    hash.add(stemHashes[Int(bucket[entry])])
                    hash.add(stemHashes[Int(bucket[entry + 1])])
                    hash.add(UInt64(UInt32(bitPattern: bucket[entry + 2])) << 32 | UInt64(UInt32(bitPattern: bucket[entry + 3])))
                    hash.add(UInt64(UInt32(bitPattern: bucket[entry + 4])) << 32 | UInt64(UInt32(bitPattern: bucket[entry + 5])))
                    hash.add(lengths[Int(bucket[entry + 3])])
                    entry += Self.fields
                }
            }
            return IndexFilePlan(path: IndexFormat.pairShardPath(number, count: shardCount), fingerprint: hash.value) { slice.withUnsafeBufferPointer { shardData($0) } }
        }
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
            json.string(IndexFormat.pairKey(stems[Int(bucket[e])], stems[Int(bucket[e + 1])], gap: Int(bucket[e + 2])))
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
