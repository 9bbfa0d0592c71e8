import Foundation
@testable import Search

/// A document with just text paragraphs (no speaker), for the tests.
func document(_ id: String, year: Int = 2000, title: String? = nil, type: String = "speech", speakers: [String] = [], topics: [String] = [],
              lists: [String] = [], _ paragraphs: [String]) -> SearchDocument {
    SearchDocument(id: id, title: title ?? id, dateLabel: String(year), year: year, type: .init(id: type, label: type.capitalized), summary: "",
                   speakers: speakers.map { .init(id: $0, label: $0.uppercased()) }, topics: topics.map { .init(id: $0, label: $0) },
                   lists: lists.map { .init(id: $0, label: $0) },
                   paragraphs: paragraphs.enumerated().map { .init(number: $0 + 1, speaker: speakers.first, text: $1) })
}

/// The index of `documents` in memory, read back by the query engine.
func index(_ documents: [SearchDocument], language: String = "en") throws -> SearchIndex {
    let files = IndexWriter(language: language).files(for: documents)
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.data) })
    return try SearchIndex { byPath[$0] }
}

func ids(_ results: SearchResults, _ documents: [SearchDocument]) -> [String] {
    results.hits.map { documents[$0.ordinal].id }
}
