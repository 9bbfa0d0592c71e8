import Foundation

/// Sorts items by a `cs:sort` key list. Empty keys always go last; ties keep input order.
struct Sorter {
    let document: Document
    let keys: [SortKey]
    /// Sorting the bibliography (its name options apply) rather than a citation.
    var bibliography = false

    func sort(_ ids: [String]) -> [String] {
        sortedIndices(ids, cites: ids.map { _ in CiteData() }).map { ids[$0] }
    }

    /// Indices of `ids` in sorted order (for sorting cites, which may repeat an item).
    func sortedIndices(_ ids: [String], cites: [CiteData]) -> [Int] {
        let values: [[String?]] = ids.enumerated().map { i, id in keys.map { sortValue(id, $0, cite: cites[i]) } }
        return ids.indices.sorted { a, b in
            for (k, key) in keys.enumerated() {
                let x = values[a][k], y = values[b][k]
                switch (x, y) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case let (x?, y?):
                    if x == y { continue }
                    return key.ascending ? x < y : x > y
                }
            }
            return a < b
        }
    }

    private func sortValue(_ id: String, _ key: SortKey, cite: CiteData) -> String? {
        guard let item = document.items[id] else { return nil }
        switch key.source {
        case .variable(let name):
            if name == "citation-number" { return document.citationNumbers[id].map(Self.pad) }
            if let names = item.names[name], !names.isEmpty {
                let r = document.makeRenderer(id, cite: cite, mode: .sort, bibliographySection: bibliography)
                r.sortNameOverride = (key.namesMin, key.namesUseFirst, key.namesUseLast)
                let element = NamesElement(variables: [name], name: nil, etAl: nil, label: nil, labelBeforeName: false,
                                           substitute: nil, delimiter: nil, decoration: .none)
                return normalized(r.renderNames(element).plainText)
            }
            if let date = item.dates[name] { return date.isEmpty ? nil : date.sortKey }
            // The citation label sorts as printed, generated when the item has none.
            let given = name == "citation-label" ? item.variables[name] ?? CitationLabel.make(item) : item.variables[name]
            guard let value = given, !value.isEmpty else { return nil }
            if VariableKind.numbers.contains(name), let n = Int(value.prefix { $0.isNumber }) { return Self.pad(n) }
            return normalized(RichText.parse(value).plainText)
        case .macro(let name):
            let r = document.makeRenderer(id, cite: cite, mode: .sort, bibliographySection: bibliography)
            r.sortNameOverride = (key.namesMin, key.namesUseFirst, key.namesUseLast)
            let text = r.render(document.style.macros[name] ?? []).plainText
            return text.isEmpty ? nil : normalized(text)
        }
    }

    /// `normalize`, memoized for the document (the same names recur across entries).
    private func normalized(_ s: String) -> String {
        if let hit = document.cache.sortTexts[s] { return hit }
        let value = Self.normalize(s)
        document.cache.sortTexts[s] = value
        return value
    }

    static func pad(_ n: Int) -> String { String(format: "%010d", n) }

    /// Case- and accent-insensitive comparison text, without quotes and markup.
    static func normalize(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 128 }) {
            // ASCII fast path on bytes: drop punctuation, fold case.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            for b in s.utf8 {
                switch b {
                case 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F, 0x5B, 0x5D: continue
                case 0x41...0x5A: bytes.append(b + 32)
                default: bytes.append(b)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let stripped = s.filter { !"\u{201C}\u{201D}\u{2018}\u{2019}\"'[](),.;:!?".contains($0) }
        return stripped.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
