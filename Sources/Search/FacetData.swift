import Foundation

/// The facets: in `index.json`, each facet's values (`[id, label, documents]`, sorted by id; a value's
/// number is its place there), and per block of `IndexFormat.blockSize` documents, `facets/N.json`: per
/// document `[speakers, topics, type, lists]`, each a list of value numbers. A query fetches only the
/// blocks of its hits; a browse without filters needs none, the counts being in `index.json`.
struct FacetData {
    static let names = ["speaker", "topic", "type", "list"]
    private let values: [[(id: String, label: String, count: Int)]]
    private let codes: [[[Int]]]

    init(_ documents: [SearchDocument]) {
        let extractors: [(SearchDocument) -> [SearchDocument.Value]] = [\.speakers, \.topics, { [$0.type] }, \.lists]
        var values: [[(id: String, label: String, count: Int)]] = []
        var numbers: [[String: Int]] = []
        for extract in extractors {
            var labels: [String: String] = [:]
            var counts: [String: Int] = [:]
            for document in documents {
                for value in Set(extract(document)) {
                    labels[value.id] = labels[value.id] ?? value.label
                    counts[value.id, default: 0] += 1
                }
            }
            let ids = counts.keys.sorted()
            values.append(ids.map { ($0, labels[$0]!, counts[$0]!) })
            numbers.append(Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) }))
        }
        self.values = values
        codes = documents.map { document in
            extractors.enumerated().map { facet, extract in Set(extract(document).map(\.id)).map { numbers[facet][$0]! }.sorted() }
        }
    }

    func writeValues(into json: inout JSONText) {
        json.raw("{")
        for (facet, name) in Self.names.enumerated() {
            if facet > 0 { json.raw(",") }
            json.string(name)
            json.raw(":[")
            for (index, value) in values[facet].enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("[")
                json.string(value.id)
                json.raw(",")
                json.string(value.label)
                json.raw(",")
                json.number(value.count)
                json.raw("]")
            }
            json.raw("]")
        }
        json.raw("}")
    }

    func files() -> [IndexFile] {
        stride(from: 0, to: codes.count, by: IndexFormat.blockSize).map { start in
            var json = JSONText()
            json.raw("[")
            for ordinal in start..<min(codes.count, start + IndexFormat.blockSize) {
                if ordinal > start { json.raw(",") }
                json.raw("[")
                for (facet, list) in codes[ordinal].enumerated() {
                    if facet > 0 { json.raw(",") }
                    json.numbers(list)
                }
                json.raw("]")
            }
            json.raw("]\n")
            return IndexFile(path: IndexFormat.facetBlockPath(start / IndexFormat.blockSize), data: json.data)
        }
    }
}
