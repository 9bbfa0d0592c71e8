import Foundation
import Fingerprinting

/// One file of the index, its path relative to the `search/` folder.
public struct IndexFile: Sendable {
    public var path: String
    public var data: Data
}

/// One file of the index, to be made: the fingerprint of everything its bytes depend on, and how to make them.
public struct IndexFilePlan: Sendable {
    public let path: String
    public let fingerprint: UInt64
    public let make: @Sendable () -> Data
}

/// Makes the static index of a list of documents, in their order (the site's, newest first: a document's
/// number in the list is its ordinal, and sorting by date is sorting by ordinal).
public struct IndexWriter: Sendable {
    public let language: String
    private let stopWords: Set<String>
    let vocabulary: Vocabulary
    /// How many pair entries the writer gathers at once (`PairIndex`); small in tests, to make many groups.
    let pairEntriesPerGroup: Int

    public init(language: String) {
        self.init(language: language, pairEntriesPerGroup: PairIndex.entriesPerGroup)
    }

    init(language: String, pairEntriesPerGroup: Int) {
        self.language = language
        self.pairEntriesPerGroup = pairEntriesPerGroup
        stopWords = IndexFormat.stopWords(language: language)
        vocabulary = Vocabulary(language: language)
    }

    /// What the index takes of one document: its analysis.
    public func entry(for document: SearchDocument) -> IndexEntry {
        let parts = AnalysisParts(document, vocabulary: vocabulary)
        return IndexEntry(document: document, analysis: DocumentAnalysis(parts), madeBy: (vocabulary.identity, parts.serial))
    }

    /// Every file of the index of `documents`, display data included.
    public func files(for documents: [SearchDocument]) -> [IndexFile] {
        let made = plans(for: documents.concurrentMap { entry(for: $0) }).map { IndexFile(path: $0.path, data: $0.make()) }
        let display = documents.enumerated().map { IndexFile(path: IndexFormat.documentPath($0), data: Self.displayData($1)) }
        return (made + display).sorted { $0.path < $1.path }
    }

    /// The files of the index of `entries` but their display data (`docs/N.json`, `displayData`, which the
    /// caller makes, since it needs the documents' paragraphs): each with the fingerprint of its content, and
    /// made only when asked, so that a build keeps the files whose fingerprint it already has.
    public func plans(for entries: [IndexEntry]) -> [IndexFilePlan] { plan(for: entries).plans }

    /// The plans, and the state a later build needs to update them (`IndexUpdate`); the caller fills in the
    /// state's entry keys and file fingerprints.
    public func plan(for entries: [IndexEntry]) -> (plans: [IndexFilePlan], state: IndexState) {
        let analyses = entries.map(\.analysis)
        let documents = entries.map(\.document)
        let tokens = analyses.reduce(0) { $0 + $1.length }
        let averageLength = IndexFormat.averageLength(tokens: tokens, documents: documents.count)

        let numbering = vocabulary.numbering(of: entries) ?? StemNumbering(analyses)
        let (stems, globalIDs, words) = (numbering.stems, numbering.globalIDs, numbering.words)

        // Per stem: ordinal delta, impact, for every document that uses it, in ordinal order; all in one array, each
        // stem's run starting where the documents that use the stems before it end (not an array per stem).
        var starts = [Int](repeating: 0, count: stems.count + 1)
        for ids in globalIDs { for id in ids { starts[Int(id) + 1] += 2 } }
        for id in stems.indices { starts[id + 1] += starts[id] }
        var cursors = starts
        var lastOrdinal = [Int](repeating: 0, count: stems.count)
        let postings = [Int32](unsafeUninitializedCapacity: starts[stems.count]) { postings, initialized in
            for (ordinal, analysis) in analyses.enumerated() {
                var local = 0
                analysis.forEachStem { _, frequency in
                    let stem = Int(globalIDs[ordinal][local])
                    local += 1
                    postings[cursors[stem]] = Int32(ordinal - lastOrdinal[stem])
                    postings[cursors[stem] + 1] = Int32(IndexFormat.impact(frequency: frequency, length: analysis.length, averageLength: averageLength))
                    cursors[stem] += 2
                    lastOrdinal[stem] = ordinal
                }
            }
            initialized = starts[stems.count]
        }
        let stemHashes = stems.concurrentMap { Fingerprint($0).value }
        let shardCount = IndexFormat.shardCount(keys: stems.count, keysPerShard: IndexFormat.stemsPerShard)
        var shards = Array(repeating: [Int](), count: shardCount)
        for (id, stem) in stems.enumerated() { shards[IndexFormat.shard(of: stem, count: shardCount)].append(id) }
        let stemNames = stems, runs = starts
        var plans: [IndexFilePlan] = shards.enumerated().filter { !$0.element.isEmpty }.concurrentMap { number, ids in
            var hash = Fingerprint()
            for id in ids {
                hash.add(stemHashes[id])
                postings[runs[id]..<runs[id + 1]].withUnsafeBytes { hash.add(bytes: $0) }
            }
            return IndexFilePlan(path: IndexFormat.shardPath(number, count: shardCount), fingerprint: hash.value) {
                var json = JSONText()
                json.raw("{")
                for (index, id) in ids.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.string(stemNames[id])
                    json.raw(":")
                    json.numbers(postings[runs[id]..<runs[id + 1]])
                }
                json.raw("}\n")
                return json.data
            }
        }

        let pairs = PairIndex(analyses: analyses, globalIDs: globalIDs, stems: stems, stemHashes: stemHashes, entriesPerGroup: pairEntriesPerGroup)
        plans += pairs.plans()
        var files: [IndexFile] = []
        let keys = Self.wordsFiles(words, into: &files)
        files += summaryFiles(documents, averageLength: averageLength, shardCount: shardCount, pairShardCount: pairs.shardCount, wordKeys: keys)
        plans += files.map(Self.contentPlan)
        let state = IndexState(language: language, averageLength: averageLength, termShardCount: shardCount, pairShardCount: pairs.shardCount,
                               stemCount: stems.count, tokens: tokens, pairs: analyses.reduce(0) { $0 + $1.pairCount }, entryKeys: [],
                               words: StemWords(sortedStems: stems, lists: stems.map { words[$0]! }), wordKeys: keys, files: [:])
        return (plans.sorted { $0.path < $1.path }, state)
    }

    /// A plan for a file already made, fingerprinted by its bytes.
    public static func contentPlan(_ file: IndexFile) -> IndexFilePlan {
        var hash = Fingerprint()
        hash.add(file.data)
        return IndexFilePlan(path: file.path, fingerprint: hash.value) { file.data }
    }

    /// The facets files and `index.json`: cheap, made by every build.
    func summaryFiles(_ documents: [SearchDocument], averageLength: Int, shardCount: Int, pairShardCount: Int, wordKeys: [String]) -> [IndexFile] {
        let facets = FacetData(documents)
        return facets.files() + [IndexFile(path: IndexFormat.indexPath, data: indexData(documents, facets: facets, averageLength: averageLength, shardCount: shardCount,
                                                                                         pairShardCount: pairShardCount, wordKeys: wordKeys, stopWords: stopWords))]
    }

    /// `words/KEY.json`: each words file holds the words of its key, and the other words of their stems (so
    /// that the file of a query word names every form the page must mark in a paragraph). Returns the keys.
    private static func wordsFiles(_ words: [String: [IndexState.Word]], into files: inout [IndexFile]) -> [String] {
        var stemsByKey: [String: [String]] = [:]
        for (stem, list) in words {
            var last: String?
            for word in list {
                let key = IndexFormat.wordKey(word.text)
                // A stem's words are in order, so its words of one key mostly come together.
                if key != last, stemsByKey[key]?.last != stem { stemsByKey[key, default: []].append(stem) }
                last = key
            }
        }
        let keys = stemsByKey.keys.sorted()
        files += keys.concurrentMap { [stemsByKey] key in
            IndexFile(path: IndexFormat.wordsPath(key), data: wordsFileData(stems: Set(stemsByKey[key]!)) { words[$0] })
        }
        return keys
    }

    /// A words file: every word of `stems`, in UTF-8 order, each as itself when it is its own stem, else as [word, stem].
    static func wordsFileData(stems: Set<String>, words: (String) -> [IndexState.Word]?) -> Data {
        let surfaces = stems.flatMap { stem in (words(stem) ?? []).map { ($0.text, stem) } }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var json = JSONText()
        json.raw("[")
        for (index, (surface, stem)) in surfaces.enumerated() {
            if index > 0 { json.raw(",") }
            if surface == stem {
                json.string(surface)
            } else {
                json.raw("[")
                json.string(surface)
                json.raw(",")
                json.string(stem)
                json.raw("]")
            }
        }
        json.raw("]\n")
        return json.data
    }

    /// `index.json`: what every query needs first: the format, the shard counts, the words files that
    /// exist, BM25's average length, the years, and each facet's values with their counts.
    private func indexData(_ documents: [SearchDocument], facets: FacetData, averageLength: Int, shardCount: Int, pairShardCount: Int, wordKeys: [String], stopWords: Set<String>) -> Data {
        var json = JSONText()
        json.raw("{\"format\":\(IndexFormat.version),\"language\":")
        json.string(language)
        json.raw(",\"shards\":\(shardCount),\"pairShards\":\(pairShardCount),\"documents\":\(documents.count),\"averageLength\":\(averageLength),\"blockSize\":\(IndexFormat.blockSize),\"stopWords\":[")
        json.raw(stopWords.sorted().map { "\"\($0)\"" }.joined(separator: ","))
        json.raw("],\"words\":[")
        for (index, key) in wordKeys.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(key)
        }
        // Years as runs in ordinal order: [year, how many documents], short since documents come by date.
        json.raw("],\"years\":[")
        var runs: [(year: Int, count: Int)] = []
        for document in documents {
            if runs.last?.year == document.year { runs[runs.count - 1].count += 1 } else { runs.append((document.year, 1)) }
        }
        json.raw(runs.map { "[\($0.year),\($0.count)]" }.joined(separator: ","))
        json.raw("],\"facets\":")
        facets.writeValues(into: &json)
        json.raw("}\n")
        return json.data
    }

    /// `docs/N.json`: what a hit shows: id, title, date, type, speakers, and every paragraph (number,
    /// speaker, text), paragraph 0 being the head the index searched (title, summary, names, topics, type).
    public static func displayData(_ document: SearchDocument) -> Data {
        var json = JSONText()
        json.raw("{\"id\":")
        json.string(document.id)
        json.raw(",\"title\":")
        json.string(document.title)
        json.raw(",\"date\":")
        json.string(document.dateLabel)
        json.raw(",\"type\":")
        json.string(document.type.label)
        json.raw(",\"speakers\":[")
        for (index, speaker) in document.speakers.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(speaker.label)
        }
        json.raw("],\"paragraphs\":[[0,\"\",")
        json.string(document.headText)
        json.raw("]")
        for paragraph in document.paragraphs {
            json.raw(",[\(paragraph.number),")
            json.string(paragraph.speaker ?? "")
            json.raw(",")
            json.string(paragraph.text)
            json.raw("]")
        }
        json.raw("]}\n")
        return json.data
    }
}

extension Array where Element: Sendable {
    /// Maps on every core, keeping the input order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = Slots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform(input[$0])) }
        return slots.values
    }
}

private final class Slots<T>: @unchecked Sendable {
    private var values_: [T?]
    private let lock = NSLock()
    init(count: Int) { values_ = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.withLock { values_[index] = value } }
    var values: [T] { values_.map { $0! } }
}
