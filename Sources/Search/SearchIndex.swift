import Foundation

/// What a search can be narrowed to (the page's URL parameters).
public struct SearchFilters: Sendable, Equatable {
    public var speaker: String?
    public var topic: String?
    public var type: String?
    public var list: String?
    public var years: ClosedRange<Int>?

    public init(speaker: String? = nil, topic: String? = nil, type: String? = nil, list: String? = nil, years: ClosedRange<Int>? = nil) {
        self.speaker = speaker
        self.topic = topic
        self.type = type
        self.list = list
        self.years = years
    }

    /// `1962` or `1960-1969`; years before 1 CE as `44 BCE` (or `44 BC`, `44-bce` as in year page URLs) or as
    /// ISO years (`-43`), so `100 BCE-44 BCE` and `-99--43` are the same range. Nil for anything else.
    public static func years(_ text: String) -> ClosedRange<Int>? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let year = isoYear(text) { return year...year }
        // A dash that splits the text into two years separates a range: "-99--43" splits only after "-99".
        for dash in text.indices where text[dash] == "-" || text[dash] == "–" {
            if let from = isoYear(text[..<dash]), let to = isoYear(text[text.index(after: dash)...]) {
                return from <= to ? from...to : nil
            }
        }
        return nil
    }

    /// One year as the ISO (astronomical) number: `2013`, `-43`, or `44 BCE` / `44 BC` / `44-bce` for -43.
    static func isoYear(_ text: Substring) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        for era in [" bce", "-bce", "bce", " bc", "-bc", "bc"] where text.hasSuffix(era) {
            let digits = text.dropLast(era.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let year = Int(digits), year > 0 else { return nil }
            return 1 - year
        }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    static func isoYear(_ text: String) -> Int? { isoYear(Substring(text)) }
}

public enum SearchOrder: String, Sendable { case relevance, date }

public struct ParagraphHit: Sendable, Equatable {
    public var number: Int
    /// Token positions of the matched words, for highlighting.
    public var positions: [Int]
}

public struct DocumentHit: Sendable {
    public var ordinal: Int
    public var score: Double
    /// The best paragraphs, best first; paragraph 0 (the head) only when no paragraph of the text matched.
    public var paragraphs: [ParagraphHit]
}

public struct FacetCount: Sendable, Equatable {
    public var id: String
    public var label: String
    public var count: Int
}

public struct SearchResults: Sendable {
    public var hits: [DocumentHit]
    /// Facet name (`speaker`, `topic`, `type`, `list`, `year`) → values with their counts among the hits.
    public var facets: [String: [FacetCount]]
    /// Why there are no hits, when it is not simply that nothing matched.
    public var message: String?
}

/// The static index read back: the query engine of the README's rules, the same as `search.js`.
/// Files are read through `load` (a folder, or files in memory) and kept once read.
public final class SearchIndex: @unchecked Sendable {
    private let load: (String) -> Data?
    public let documentCount: Int
    let shardCount: Int
    let stopWords: Set<String>
    let wordKeys: Set<String>
    let lengths: [Int]
    let averageLength: Double
    let years: [Int]
    /// facet → [(id, label, ordinals)]
    let facets: [String: [(id: String, label: String, ordinals: [Int])]]
    private var shards: [Int: [String: [Int]]] = [:]
    private var words: [String: [(surface: String, stem: String)]] = [:]

    public static let facetNames = ["speaker", "topic", "type", "list"]

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(load: @escaping (String) -> Data?) throws {
        self.load = load
        guard let data = load(IndexFormat.indexPath), let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FormatError(description: "no search index (\(IndexFormat.indexPath)) could be read")
        }
        guard index["format"] as? Int == IndexFormat.version, let shards = index["shards"] as? Int, let count = index["documents"] as? Int,
              let lengths = index["lengths"] as? [Int], let runs = index["years"] as? [[Int]], let facets = index["facets"] as? [String: [[Any]]]
        else { throw FormatError(description: "the search index is of another format; build the site again") }
        shardCount = shards
        documentCount = count
        stopWords = Set(index["stopWords"] as? [String] ?? [])
        wordKeys = Set(index["words"] as? [String] ?? [])
        self.lengths = lengths
        averageLength = lengths.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(lengths.count))
        years = runs.flatMap { Array(repeating: $0[0], count: $0[1]) }
        self.facets = facets.mapValues { values in
            values.compactMap { value in
                guard value.count == 3, let id = value[0] as? String, let label = value[1] as? String, let deltas = value[2] as? [Int] else { return nil }
                var ordinal = 0
                return (id, label, deltas.map { ordinal += $0; return ordinal })
            }
        }
    }

    /// The display data of one document (`docs/N.json`).
    public func document(_ ordinal: Int) -> DisplayDocument? {
        guard let data = load(IndexFormat.documentPath(ordinal)), let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let id = json["id"] as? String, let paragraphs = json["paragraphs"] as? [[Any]] else { return nil }
        return DisplayDocument(id: id, title: json["title"] as? String ?? id, date: json["date"] as? String ?? "", type: json["type"] as? String ?? "",
                               speakers: json["speakers"] as? [String] ?? [],
                               paragraphs: paragraphs.compactMap { row in
                                   guard row.count == 3, let number = row[0] as? Int, let speaker = row[1] as? String, let text = row[2] as? String else { return nil }
                                   return DisplayDocument.Paragraph(number: number, speaker: speaker, text: text)
                               })
    }

    public func search(_ text: String, filters: SearchFilters = SearchFilters(), order: SearchOrder = .relevance) -> SearchResults {
        let query = Query(text, stopWords: stopWords)
        var message: String?
        var candidates = Set(allowed(by: filters))
        var scores: [Int: Double] = [:]
        var matches: [(part: [Int: [Int: [Int]]], idf: Double)] = []

        if query.required.isEmpty && !query.droppedStopWords.isEmpty {
            return SearchResults(hits: [], facets: facetCounts([]), message: "Only very common words were typed (\(query.droppedStopWords.joined(separator: ", "))); they are not indexed. Add a more distinctive word.")
        }
        if query.isEmpty && query.droppedStopWords.isEmpty && !text.allSatisfy(\.isWhitespace) {
            return SearchResults(hits: [], facets: facetCounts([]), message: "The query has no words to search for.")
        }
        for part in query.required {
            let found = match(part)
            candidates.formIntersection(found.keys)
            let idf = log(1 + (Double(documentCount) - Double(found.count) + 0.5) / (Double(found.count) + 0.5))
            matches.append((found, idf))
        }
        for part in query.excluded {
            candidates.subtract(match(part).keys)
        }
        for ordinal in candidates {
            var score = 0.0
            let norm = 1.2 * (1 - 0.75 + 0.75 * Double(lengths[ordinal]) / averageLength)
            for (found, idf) in matches {
                let frequency = found[ordinal]!.reduce(0.0) { $0 + Double($1.value.count) * ($1.key == 0 ? 3 : 1) }
                score += idf * frequency * 2.2 / (frequency + norm)
            }
            scores[ordinal] = score
        }
        let ranked = candidates.sorted { order == .date || matches.isEmpty ? $0 < $1 : (scores[$0]!, $1) > (scores[$1]!, $0) }
        let hits = ranked.map { ordinal in
            DocumentHit(ordinal: ordinal, score: scores[ordinal] ?? 0, paragraphs: bestParagraphs(ordinal, matches))
        }
        if hits.isEmpty { message = "No results." }
        return SearchResults(hits: hits, facets: facetCounts(Set(ranked)), message: message)
    }

    /// Paragraphs scored by the idf of each part they hold, times 1 + ln(its count there).
    private func bestParagraphs(_ ordinal: Int, _ matches: [(part: [Int: [Int: [Int]]], idf: Double)]) -> [ParagraphHit] {
        var score: [Int: Double] = [:]
        var positions: [Int: Set<Int>] = [:]
        for (found, idf) in matches {
            for (paragraph, places) in found[ordinal] ?? [:] {
                score[paragraph, default: 0] += idf * (1 + log(Double(places.count)))
                positions[paragraph, default: []].formUnion(places)
            }
        }
        let text = score.keys.filter { $0 > 0 }
        let chosen = (text.isEmpty ? Array(score.keys) : text).sorted { (score[$0]!, $1) > (score[$1]!, $0) }
        return chosen.prefix(IndexFormat.paragraphsPerHit).map { ParagraphHit(number: $0, positions: positions[$0]!.sorted()) }
    }

    /// Documents a part matches → paragraph → positions (of every word of each phrase match).
    func match(_ part: Query.Part) -> [Int: [Int: [Int]]] {
        switch part {
        case .word(let word, let prefix):
            var merged: [Int: [Int: [Int]]] = [:]
            for stem in stems(of: word, prefix: prefix) {
                for (ordinal, paragraphs) in postings(stem) {
                    merged[ordinal, default: [:]].merge(paragraphs) { $0 + $1 }
                }
            }
            return merged
        case .phrase(let words):
            let lists = words.map { word in stems(of: word.text, prefix: false).first.map(postings) ?? [:] }
            guard var common = lists.first.map({ Set($0.keys) }) else { return [:] }
            for list in lists.dropFirst() { common.formIntersection(list.keys) }
            var found: [Int: [Int: [Int]]] = [:]
            for ordinal in common {
                for (paragraph, starts) in lists[0][ordinal]! {
                    let sets = lists.map { Set($0[ordinal]![paragraph] ?? []) }
                    var places: [Int] = []
                    for start in starts where zip(words, sets).allSatisfy({ $1.contains(start + $0.offset) }) {
                        places += words.map { start + $0.offset }
                    }
                    if !places.isEmpty { found[ordinal, default: [:]][paragraph] = places }
                }
            }
            return found
        }
    }

    /// The stems a query word stands for, through the words files: its own, and with `prefix` those of
    /// every indexed word it begins (at most 64, in the file's order).
    func stems(of word: String, prefix: Bool) -> [String] {
        let key = IndexFormat.wordKey(word)
        guard wordKeys.contains(key) else { return [] }
        let list = wordsList(key)
        if !prefix { return list.first { $0.surface == word }.map { [$0.stem] } ?? [] }
        var stems: [String] = []
        for entry in list where entry.surface.hasPrefix(word) && !stems.contains(entry.stem) {
            stems.append(entry.stem)
            if stems.count == IndexFormat.maximumPrefixStems { break }
        }
        return stems
    }

    private func wordsList(_ key: String) -> [(surface: String, stem: String)] {
        if let known = words[key] { return known }
        let entries = (load(IndexFormat.wordsPath(key)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [Any] } ?? []).compactMap { entry -> (String, String)? in
            if let surface = entry as? String { return (surface, surface) }
            if let pair = entry as? [String], pair.count == 2 { return (pair[0], pair[1]) }
            return nil
        }
        words[key] = entries
        return entries
    }

    /// A stem's postings decoded: document → paragraph → positions.
    func postings(_ stem: String) -> [Int: [Int: [Int]]] {
        let shard = IndexFormat.shard(of: stem, count: shardCount)
        if shards[shard] == nil {
            let json = load(IndexFormat.shardPath(shard, count: shardCount)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: [Int]] }
            shards[shard] = json ?? [:]
        }
        guard let list = shards[shard]?[stem] else { return [:] }
        var result: [Int: [Int: [Int]]] = [:]
        var index = 0, ordinal = 0
        func next() -> Int? {
            guard index < list.count else { return nil }
            index += 1
            return list[index - 1]
        }
        while let delta = next(), let paragraphCount = next() {
            ordinal += delta
            var paragraph = 0
            var paragraphs: [Int: [Int]] = [:]
            for _ in 0..<paragraphCount {
                guard let paragraphDelta = next(), let count = next() else { return result }
                paragraph += paragraphDelta
                var position = 0
                var positions: [Int] = []
                for _ in 0..<count {
                    guard let step = next() else { return result }
                    position += step
                    positions.append(position)
                }
                paragraphs[paragraph] = positions
            }
            result[ordinal] = paragraphs
        }
        return result
    }

    private func allowed(by filters: SearchFilters) -> [Int] {
        var allowed = Set(0..<documentCount)
        for (name, value) in [("speaker", filters.speaker), ("topic", filters.topic), ("type", filters.type), ("list", filters.list)] {
            guard let value else { continue }
            allowed.formIntersection(facets[name]?.first { $0.id == value }?.ordinals ?? [])
        }
        if let range = filters.years { allowed = allowed.filter { range.contains(years[$0]) } }
        return allowed.sorted()
    }

    /// `1960s`; decades of ISO years before 1 CE by their years: 0 to 9 is "1 BCE–9", -50 to -41 "51 BCE–42 BCE".
    static func decadeLabel(_ start: Int) -> String {
        func year(_ iso: Int) -> String { iso > 0 ? String(iso) : "\(1 - iso) BCE" }
        return start > 0 ? "\(start)s" : year(start) + "–" + year(start + 9)
    }

    /// Counts among the hits: each facet value, and each decade for the year.
    private func facetCounts(_ hits: Set<Int>) -> [String: [FacetCount]] {
        var counts: [String: [FacetCount]] = [:]
        for name in Self.facetNames {
            counts[name] = (facets[name] ?? []).compactMap { value in
                let count = value.ordinals.reduce(0) { $0 + (hits.contains($1) ? 1 : 0) }
                return count == 0 ? nil : FacetCount(id: value.id, label: value.label, count: count)
            }.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        }
        var decades: [Int: Int] = [:]
        for ordinal in hits { decades[years[ordinal] - (years[ordinal] % 10 + 10) % 10, default: 0] += 1 }
        counts["year"] = decades.keys.sorted(by: >).map { FacetCount(id: "\($0)-\($0 + 9)", label: Self.decadeLabel($0), count: decades[$0]!) }
        return counts
    }
}

/// A document as a hit shows it (`docs/N.json`).
public struct DisplayDocument: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        public var speaker: String
        public var text: String
    }
    public var id: String
    public var title: String
    public var date: String
    public var type: String
    public var speakers: [String]
    public var paragraphs: [Paragraph]

    public func paragraph(_ number: Int) -> Paragraph? { paragraphs.first { $0.number == number } }
}

/// A few words around the first match of a paragraph, with the matches marked.
public struct Snippet: Sendable, Equatable {
    public var text: String
    /// Ranges of `text`'s unicode scalars to highlight.
    public var highlights: [Range<Int>]

    public static let wordsBefore = 8, length = 30

    /// The README's rule: from 8 tokens before the first highlighted one, 30 tokens, with `…` where text was cut.
    public init(_ paragraph: String, positions: [Int]) {
        let tokens = Tokenizer.tokens(paragraph)
        let wanted = Set(positions)
        let first = tokens.firstIndex { wanted.contains($0.position) } ?? 0
        let from = max(0, first - Self.wordsBefore), to = min(tokens.count, from + Self.length)
        let scalars = Array(paragraph.unicodeScalars)
        guard from < to else {
            text = paragraph
            highlights = []
            return
        }
        let start = from == 0 ? 0 : tokens[from].start
        let end = to == tokens.count ? scalars.count : tokens[to - 1].end
        let lead = start > 0 ? "…" : ""
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        text = lead + String(view) + (end < scalars.count ? "…" : "")
        let shift = lead.unicodeScalars.count - start
        highlights = tokens[from..<to].filter { wanted.contains($0.position) }.map { ($0.start + shift)..<($0.end + shift) }
    }
}
