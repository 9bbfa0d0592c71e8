import Foundation

/// One file of the index, its path relative to the `search/` folder.
public struct IndexFile: Sendable {
    public var path: String
    public var data: Data
}

/// Makes the static index of a list of documents, in their order (the site's, newest first: a document's
/// number in the list is its ordinal, and sorting by date is sorting by ordinal).
public struct IndexWriter: Sendable {
    public let language: String

    public init(language: String) { self.language = language }

    public func files(for documents: [SearchDocument]) -> [IndexFile] {
        let stopWords = IndexFormat.stopWords(language: language)
        let analyses = documents.concurrentMap { DocumentAnalysis($0, language: language, stopWords: stopWords) }

        var postings: [String: [Int]] = [:]
        var lastOrdinal: [String: Int] = [:]
        var words: [String: String] = [:]
        for (ordinal, analysis) in analyses.enumerated() {
            for (stem, body) in analysis.postings {
                postings[stem, default: []].append(ordinal - (lastOrdinal[stem] ?? 0))
                postings[stem]!.append(contentsOf: body)
                lastOrdinal[stem] = ordinal
            }
            words.merge(analysis.surfaces) { first, _ in first }
        }

        let shardCount = IndexFormat.shardCount(stems: postings.count)
        var shards = Array(repeating: [(String, [Int])](), count: shardCount)
        for (stem, list) in postings { shards[IndexFormat.shard(of: stem, count: shardCount)].append((stem, list)) }
        var files: [IndexFile] = []
        for (number, terms) in shards.enumerated() where !terms.isEmpty {
            var json = JSONText()
            json.raw("{")
            for (index, (stem, list)) in terms.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }).enumerated() {
                if index > 0 { json.raw(",") }
                json.string(stem)
                json.raw(":")
                json.numbers(list)
            }
            json.raw("}\n")
            files.append(IndexFile(path: IndexFormat.shardPath(number, count: shardCount), data: json.data))
        }

        var byKey: [String: [(String, String)]] = [:]
        for (surface, stem) in words { byKey[IndexFormat.wordKey(surface), default: []].append((surface, stem)) }
        let keys = byKey.keys.sorted()
        for key in keys {
            var json = JSONText()
            json.raw("[")
            for (index, (surface, stem)) in byKey[key]!.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }).enumerated() {
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
            files.append(IndexFile(path: IndexFormat.wordsPath(key), data: json.data))
        }

        files += documents.enumerated().map { IndexFile(path: IndexFormat.documentPath($0), data: Self.displayData($1)) }
        files.append(IndexFile(path: IndexFormat.indexPath, data: indexData(documents, analyses, shardCount: shardCount, wordKeys: keys, stopWords: stopWords)))
        return files.sorted { $0.path < $1.path }
    }

    /// `index.json`: what every query needs first: the format, the shard count, the words files that
    /// exist, each document's length, and the facets.
    private func indexData(_ documents: [SearchDocument], _ analyses: [DocumentAnalysis], shardCount: Int, wordKeys: [String], stopWords: Set<String>) -> Data {
        var json = JSONText()
        json.raw("{\"format\":\(IndexFormat.version),\"language\":")
        json.string(language)
        json.raw(",\"shards\":\(shardCount),\"documents\":\(documents.count),\"stopWords\":[")
        json.raw(stopWords.sorted().map { "\"\($0)\"" }.joined(separator: ","))
        json.raw("],\"words\":[")
        for (index, key) in wordKeys.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(key)
        }
        json.raw("],\"lengths\":")
        json.numbers(analyses.map(\.length))
        // Years as runs in ordinal order: [year, how many documents], short since documents come by date.
        json.raw(",\"years\":[")
        var runs: [(year: Int, count: Int)] = []
        for document in documents {
            if runs.last?.year == document.year { runs[runs.count - 1].count += 1 } else { runs.append((document.year, 1)) }
        }
        json.raw(runs.map { "[\($0.year),\($0.count)]" }.joined(separator: ","))
        json.raw("],\"facets\":{")
        let facets: [(String, (SearchDocument) -> [SearchDocument.Value])] = [
            ("speaker", \.speakers), ("topic", \.topics), ("type", { [$0.type] }), ("list", \.lists),
        ]
        for (index, (name, values)) in facets.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(name)
            json.raw(":[")
            var labels: [String: String] = [:]
            var members: [String: [Int]] = [:]
            for (ordinal, document) in documents.enumerated() {
                for value in Set(values(document)) {
                    labels[value.id] = labels[value.id] ?? value.label
                    members[value.id, default: []].append(ordinal)
                }
            }
            for (valueIndex, id) in members.keys.sorted().enumerated() {
                if valueIndex > 0 { json.raw(",") }
                json.raw("[")
                json.string(id)
                json.raw(",")
                json.string(labels[id]!)
                json.raw(",")
                let ordinals = members[id]!
                json.numbers(ordinals.enumerated().map { $0 == 0 ? $1 : $1 - ordinals[$0 - 1] })
                json.raw("]")
            }
            json.raw("]")
        }
        json.raw("}}\n")
        return json.data
    }

    /// `docs/N.json`: what a hit shows: id, title, date, type, speakers, and every paragraph (number,
    /// speaker, text), paragraph 0 being the head the index searched (title, summary, names, topics, type).
    static func displayData(_ document: SearchDocument) -> Data {
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

/// One document's contribution to the index: its postings (stem → the encoded paragraphs and positions),
/// the words it uses with their stems, and its length.
struct DocumentAnalysis: Sendable {
    /// Sorted by stem, so the merge visits stems in a fixed order.
    var postings: [(String, [Int])] = []
    var surfaces: [String: String] = [:]
    var length = 0

    init(_ document: SearchDocument, language: String, stopWords: Set<String>) {
        let stemmer = Stemmer(language: language)
        // Per stem: paragraph count, then per paragraph: paragraph delta, position count, position deltas…
        // Kept in an array and changed in place, so that appending never copies a list.
        struct List { var stem: String; var paragraphs = 0, lastParagraph = 0, lastPosition = 0, countIndex = 0; var body: [Int] = [] }
        var lists: [List] = []
        var listIndex: [String: Int] = [:]
        var stems: [String: String] = [:]
        let texts = [(0, document.headText)] + document.paragraphs.map { ($0.number, $0.text) }
        for (number, text) in texts {
            for token in Tokenizer.tokens(text) where !stopWords.contains(token.text) {
                length += 1
                let stem: String
                if let known = stems[token.text] {
                    stem = known
                } else {
                    stem = token.isCJK ? token.text : stemmer.stem(token.text)
                    stems[token.text] = stem
                }
                let index: Int
                if let known = listIndex[stem] { index = known } else {
                    index = lists.count
                    listIndex[stem] = index
                    lists.append(List(stem: stem))
                }
                if lists[index].paragraphs == 0 || lists[index].lastParagraph != number {
                    lists[index].body.append(number - lists[index].lastParagraph)
                    lists[index].body.append(0)
                    lists[index].countIndex = lists[index].body.count - 1
                    lists[index].paragraphs += 1
                    lists[index].lastParagraph = number
                    lists[index].lastPosition = 0
                }
                lists[index].body[lists[index].countIndex] += 1
                lists[index].body.append(token.position - lists[index].lastPosition)
                lists[index].lastPosition = token.position
            }
        }
        surfaces = stems
        postings = lists.map { ($0.stem, [$0.paragraphs] + $0.body) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
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
