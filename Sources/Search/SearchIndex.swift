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
    let pairShardCount: Int
    let blockSize: Int
    let stopWords: Set<String>
    let wordKeys: Set<String>
    let averageLength: Int
    let years: [Int]
    /// facet → its values, in the order their numbers refer to, with their document counts.
    let facets: [String: [(id: String, label: String, count: Int)]]
    private var shards: [Int: [String: [Int]]] = [:]
    private var pairShards: [Int: [String: [Int]]] = [:]
    private var words: [String: [(surface: String, stem: String)]] = [:]
    private var blocks: [Int: [[[Int]]]] = [:]

    public static let facetNames = FacetData.names

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(load: @escaping (String) -> Data?) throws {
        self.load = load
        guard let data = load(IndexFormat.indexPath), let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FormatError(description: "no search index (\(IndexFormat.indexPath)) could be read")
        }
        guard index["format"] as? Int == IndexFormat.version, let shards = index["shards"] as? Int, let pairShards = index["pairShards"] as? Int,
              let count = index["documents"] as? Int, let averageLength = index["averageLength"] as? Int, let blockSize = index["blockSize"] as? Int,
              let runs = index["years"] as? [[Int]], let facets = index["facets"] as? [String: [[Any]]]
        else { throw FormatError(description: "the search index is of another format; build the site again") }
        shardCount = shards
        pairShardCount = pairShards
        documentCount = count
        self.blockSize = max(1, blockSize)
        stopWords = Set(index["stopWords"] as? [String] ?? [])
        wordKeys = Set(index["words"] as? [String] ?? [])
        self.averageLength = max(1, averageLength)
        years = runs.flatMap { Array(repeating: $0[0], count: $0[1]) }
        self.facets = facets.mapValues { values in
            values.compactMap { value in
                guard value.count == 3, let id = value[0] as? String, let label = value[1] as? String, let count = value[2] as? Int else { return nil }
                return (id, label, count)
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

    /// What one part of a query matched: document → impact, and per word of the part the indexed forms
    /// of its stems (to find it again in a shown paragraph) with its offset in the phrase.
    struct Match {
        var documents: [Int: Int] = [:]
        var words: [(forms: Set<String>, offset: Int)] = []
        var idf = 0.0
    }

    /// `paragraphsFor`: how many of the best hits get their paragraphs (read from their display data).
    public func search(_ text: String, filters: SearchFilters = SearchFilters(), order: SearchOrder = .relevance, paragraphsFor: Int = .max) -> SearchResults {
        let query = Query(text, stopWords: stopWords)
        if query.required.isEmpty && !query.droppedStopWords.isEmpty {
            return SearchResults(hits: [], facets: facetCounts([]), message: "Only very common words were typed (\(query.droppedStopWords.joined(separator: ", "))); they are not indexed. Add a more distinctive word.")
        }
        if query.isEmpty && query.droppedStopWords.isEmpty && !text.allSatisfy(\.isWhitespace) {
            return SearchResults(hits: [], facets: facetCounts([]), message: "The query has no words to search for.")
        }
        var candidates = allowed(by: filters)
        var matches: [Match] = []
        for part in query.required {
            var found = match(part)
            candidates.formIntersection(found.documents.keys)
            let count = Double(found.documents.count)
            found.idf = log(1 + (Double(documentCount) - count + 0.5) / (count + 0.5))
            matches.append(found)
        }
        for part in query.excluded {
            candidates.subtract(match(part).documents.keys)
        }
        // Words typed side by side that stand so in a document add their phrase's score there.
        let nearby: [Match] = candidates.isEmpty ? [] : query.nearby.map { part in
            var found = match(part)
            let count = Double(found.documents.count)
            found.idf = log(1 + (Double(documentCount) - count + 0.5) / (count + 0.5))
            return found
        }.filter { !$0.documents.isEmpty }
        let scored = matches + nearby
        var scores: [Int: Double] = [:]
        for ordinal in candidates {
            scores[ordinal] = scored.reduce(0.0) { $0 + $1.idf * Double($1.documents[ordinal] ?? 0) }
        }
        let ranked = candidates.sorted { order == .date || matches.isEmpty ? $0 < $1 : (scores[$0]!, $1) > (scores[$1]!, $0) }
        let hits = ranked.enumerated().map { rank, ordinal in
            DocumentHit(ordinal: ordinal, score: scores[ordinal] ?? 0, paragraphs: rank < paragraphsFor ? bestParagraphs(ordinal, scored) : [])
        }
        return SearchResults(hits: hits, facets: facetCounts(Set(ranked)), message: hits.isEmpty ? "No results." : nil)
    }

    /// Paragraphs of the document's display data, scored by the idf of each part they hold, times 1 + ln(its
    /// count there); a part is found again by its forms (and a phrase by their distances), like the index.
    private func bestParagraphs(_ ordinal: Int, _ matches: [Match]) -> [ParagraphHit] {
        guard !matches.isEmpty, let shown = document(ordinal) else { return [] }
        var score: [Int: Double] = [:]
        var positions: [Int: Set<Int>] = [:]
        for paragraph in shown.paragraphs {
            let kept = Tokenizer.tokens(paragraph.text).filter { !stopWords.contains($0.text) }
            for found in matches {
                let places = Self.places(of: found.words, in: kept)
                guard !places.isEmpty else { continue }
                score[paragraph.number, default: 0] += found.idf * (1 + log(Double(places.count)))
                positions[paragraph.number, default: []].formUnion(places)
            }
        }
        let text = score.keys.filter { $0 > 0 }
        let chosen = (text.isEmpty ? Array(score.keys) : text).sorted { (score[$0]!, $1) > (score[$1]!, $0) }
        return chosen.prefix(IndexFormat.paragraphsPerHit).map { ParagraphHit(number: $0, positions: positions[$0]!.sorted()) }
    }

    /// Positions of a part's words in a paragraph's indexed tokens: each token of a word's forms; for a
    /// phrase, every word of each place where the next indexed tokens are its words at its distances.
    static func places(of words: [(forms: Set<String>, offset: Int)], in kept: [Token]) -> [Int] {
        var places: [Int] = []
        for start in kept.indices where start + words.count <= kept.count {
            let fits = words.indices.allSatisfy { index in
                words[index].forms.contains(kept[start + index].text) && kept[start + index].position - kept[start].position == words[index].offset
            }
            if fits { places += words.indices.map { kept[start + $0].position } }
        }
        return places
    }

    /// Documents a part matches, with its impact there.
    func match(_ part: Query.Part) -> Match {
        switch part {
        case .word(let word, let prefix):
            let (stems, forms) = self.stems(of: word, prefix: prefix)
            var found = Match(words: [(forms, 0)])
            for stem in stems {
                for (ordinal, impact) in postings(stem) { found.documents[ordinal, default: 0] += impact }
            }
            return found
        case .phrase(let words):
            var stems: [String] = []
            var found = Match()
            for word in words {
                let (stem, forms) = self.stems(of: word.text, prefix: false)
                guard let first = stem.first else { return Match() }
                stems.append(first)
                found.words.append((forms, word.offset))
            }
            let pairs = (0..<words.count - 1).map { index in
                pairPostings(IndexFormat.pairKey(stems[index], stems[index + 1], gap: words[index + 1].offset - words[index].offset))
            }
            guard var common = pairs.first.map({ Set($0.keys) }) else { return Match() }
            for list in pairs.dropFirst() { common.formIntersection(list.keys) }
            for ordinal in common {
                // Where the first pair starts, every later pair must start at its word's offset.
                let later = pairs.dropFirst().map { Set($0[ordinal]!.places.map { [$0.paragraph, $0.position] }) }
                var frequency = 0
                for place in pairs[0][ordinal]!.places {
                    let fits = later.enumerated().allSatisfy { index, set in set.contains([place.paragraph, place.position + words[index + 1].offset]) }
                    if fits { frequency += words.count * (place.paragraph == 0 ? 3 : 1) }
                }
                if frequency > 0 {
                    found.documents[ordinal] = IndexFormat.impact(frequency: frequency, length: pairs[0][ordinal]!.length, averageLength: averageLength)
                }
            }
            return found
        }
    }

    /// The stems a query word stands for, through the words files: its own, and with `prefix` those of
    /// every indexed word it begins (at most 64, in the file's order); and every form of those stems.
    func stems(of word: String, prefix: Bool) -> (stems: [String], forms: Set<String>) {
        let key = IndexFormat.wordKey(word)
        // A prefix shorter than a key stands for the words of every file whose key it begins.
        let keys = prefix && word.unicodeScalars.count < IndexFormat.keyLength ? wordKeys.filter { $0.hasPrefix(key) }.sorted() : wordKeys.contains(key) ? [key] : []
        let list = keys.flatMap { wordsList($0) }
        var stems: [String] = []
        if !prefix {
            stems = list.first { $0.surface == word }.map { [$0.stem] } ?? []
        } else {
            for entry in list where entry.surface.hasPrefix(word) && !stems.contains(entry.stem) {
                stems.append(entry.stem)
                if stems.count == IndexFormat.maximumPrefixStems { break }
            }
        }
        let wanted = Set(stems)
        return (stems, Set(list.filter { wanted.contains($0.stem) }.map(\.surface)))
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

    /// A stem's documents with their impacts.
    func postings(_ stem: String) -> [Int: Int] {
        let list = shardEntry(stem, count: shardCount, path: IndexFormat.shardPath, cache: &shards)
        var result: [Int: Int] = [:]
        var ordinal = 0
        for index in stride(from: 0, to: list.count - 1, by: 2) {
            ordinal += list[index]
            result[ordinal] = list[index + 1]
        }
        return result
    }

    /// A pair's documents: their length, and the paragraph and position of each occurrence.
    func pairPostings(_ key: String) -> [Int: (length: Int, places: [(paragraph: Int, position: Int)])] {
        let list = shardEntry(key, count: pairShardCount, path: IndexFormat.pairShardPath, cache: &pairShards)
        var result: [Int: (length: Int, places: [(paragraph: Int, position: Int)])] = [:]
        var index = 0, ordinal = 0
        while index + 2 < list.count {
            ordinal += list[index]
            let length = list[index + 1], count = list[index + 2]
            index += 3
            var places: [(paragraph: Int, position: Int)] = []
            var paragraph = 0, position = 0
            for _ in 0..<count where index + 1 < list.count {
                if list[index] != 0 { position = 0 }
                paragraph += list[index]
                position += list[index + 1]
                places.append((paragraph, position))
                index += 2
            }
            result[ordinal] = (length, places)
        }
        return result
    }

    /// `1960s`; decades of ISO years before 1 CE by their years: 0 to 9 is "1 BCE–9", -50 to -41 "51 BCE–42 BCE".
    static func decadeLabel(_ start: Int) -> String {
        func year(_ iso: Int) -> String { iso > 0 ? String(iso) : "\(1 - iso) BCE" }
        return start > 0 ? "\(start)s" : year(start) + "–" + year(start + 9)
    }

    private func shardEntry(_ key: String, count: Int, path: (Int, Int) -> String, cache: inout [Int: [String: [Int]]]) -> [Int] {
        let shard = IndexFormat.shard(of: key, count: count)
        if cache[shard] == nil {
            cache[shard] = load(path(shard, count)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: [Int]] } ?? [:]
        }
        return cache[shard]?[key] ?? []
    }

    /// The facet values of a document, by facet, as value numbers (`facets/N.json`).
    private func facetCodes(_ ordinal: Int) -> [[Int]] {
        let block = ordinal / blockSize
        if blocks[block] == nil {
            blocks[block] = load(IndexFormat.facetBlockPath(block)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [[[Int]]] } ?? []
        }
        let rows = blocks[block]!
        return ordinal % blockSize < rows.count ? rows[ordinal % blockSize] : []
    }

    private func allowed(by filters: SearchFilters) -> Set<Int> {
        var allowed = Array(0..<documentCount)
        for (facet, (name, value)) in [("speaker", filters.speaker), ("topic", filters.topic), ("type", filters.type), ("list", filters.list)].enumerated() {
            guard let value else { continue }
            guard let number = facets[name]?.firstIndex(where: { $0.id == value }) else { return [] }
            allowed = allowed.filter { ordinal in
                let codes = facetCodes(ordinal)
                return facet < codes.count && codes[facet].contains(number)
            }
        }
        if let range = filters.years { allowed = allowed.filter { range.contains(years[$0]) } }
        return Set(allowed)
    }

    /// Counts among the hits: each facet value, and each decade for the year. When every document is a
    /// hit, the counts are those of `index.json`, and no facet block is read.
    private func facetCounts(_ hits: Set<Int>) -> [String: [FacetCount]] {
        var tallies = Self.facetNames.map { facets[$0].map { Array(repeating: 0, count: $0.count) } ?? [] }
        if hits.count == documentCount {
            tallies = Self.facetNames.map { (facets[$0] ?? []).map(\.count) }
        } else {
            for ordinal in hits.sorted() {
                for (facet, numbers) in facetCodes(ordinal).enumerated() where facet < tallies.count {
                    for number in numbers where number < tallies[facet].count { tallies[facet][number] += 1 }
                }
            }
        }
        var counts: [String: [FacetCount]] = [:]
        for (facet, name) in Self.facetNames.enumerated() {
            counts[name] = (facets[name] ?? []).enumerated().compactMap { number, value in
                tallies[facet][number] == 0 ? nil : FacetCount(id: value.id, label: value.label, count: tallies[facet][number])
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
