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
        // One pass, by index and without sets: run on every search index a build plans, an edit's included, where a
        // set per document and facet cost more than the rest of the index's update.
        var found = Array(repeating: [String: (label: String, count: Int)](), count: Self.names.count)
        for ordinal in documents.indices {
            for facet in found.indices {
                Self.forEachValue(of: documents[ordinal], facet) { value in found[facet][value.id, default: (value.label, 0)].count += 1 }
            }
        }
        values = found.map { table in table.keys.sorted().map { ($0, table[$0]!.label, table[$0]!.count) } }
        let numbers = values.map { list in Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.id, $0) }) }
        codes = documents.indices.map { ordinal in
            numbers.indices.map { facet in
                var codes: [Int] = []
                Self.forEachValue(of: documents[ordinal], facet) { codes.append(numbers[facet][$0.id]!) }
                return codes.sorted()
            }
        }
    }

    /// Each value of a document in a facet (`names`), once: a value given twice counts once.
    private static func forEachValue(of document: SearchDocument, _ facet: Int, _ body: (SearchDocument.Value) -> Void) {
        func each(_ list: [SearchDocument.Value]) {
            for (index, value) in list.enumerated() where !list[..<index].contains(where: { $0.id == value.id }) { body(value) }
        }
        switch facet {
        case 0: each(document.speakers)
        case 1: each(document.topics)
        case 2: body(document.type)
        default: each(document.lists)
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
