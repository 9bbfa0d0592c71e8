import Foundation
import CSL

extension CSLFixture {
    /// Runs the fixture and returns the processor's output in the suite's format.
    public func run(locales: CSLLocaleStore) throws -> String {
        let style = try CSLStyle(xml: Data(style.utf8), path: name)
        let items = try CSLItem.decodeArray(from: Data(input.utf8), file: name + " INPUT")
        let processor = try CSLProcessor(style: style, locales: locales)
        if let citations {
            let (text, clusters) = try replayCitations(citations, processor: processor, items: items)
            guard mode == "bibliography" else { return text }
            // The bibliography of a document lists the items its citations cite.
            return CSLProcessor.bibliographyHTML(processor.document(clusters, items: items).bibliography)
        }
        var clusters: [CSLCitation]
        if let citationItems {
            let json = try JSONSerialization.jsonObject(with: Data(citationItems.utf8)) as? [[[String: Any]]] ?? []
            clusters = json.enumerated().map { i, cluster in
                CSLCitation(cites: cluster.map(Self.cite), noteIndex: i + 1)
            }
        } else {
            // The suite's convention: with no citations given, one citation cites every item in
            // bibliography order (test-suite issue 66).
            let sorted = processor.document([], items: items, uncitedInBibliography: true).bibliography.map(\.id)
            let ids = sorted + items.map(\.id).filter { !sorted.contains($0) }
            clusters = [CSLCitation(cites: ids.map { CSLCite(id: $0) }, noteIndex: 1)]
        }
        if mode == "bibliography" {
            let doc = processor.document(citationItems == nil ? [] : clusters, items: items, uncitedInBibliography: true)
            return CSLProcessor.bibliographyHTML(doc.bibliography)
        }
        let doc = processor.document(clusters, items: items)
        return doc.citations.map(\.html).joined(separator: "\n")
    }

    static func cite(_ json: [String: Any]) -> CSLCite {
        func text(_ key: String) -> String? {
            switch json[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        var cite = CSLCite(id: text("id") ?? "", locator: text("locator"), label: text("label"),
                           prefix: text("prefix"), suffix: text("suffix"))
        cite.suppressAuthor = (json["suppress-author"] as? Bool) ?? ((json["suppress-author"] as? NSNumber)?.intValue == 1)
        if let p = json["position"] as? NSNumber {
            cite.position = [CSLPosition.first, .subsequent, .ibid, .ibidWithLocator][min(max(p.intValue, 0), 3)]
        }
        return cite
    }

    /// CITATIONS: clusters are inserted one by one; the result lists every cluster after the
    /// last step, marking with ">>" the ones that changed in that step; also returns the clusters
    /// of the final document.
    private func replayCitations(_ text: String, processor: CSLProcessor,
                                 items: [CSLItem]) throws -> (String, [CSLCitation]) {
        guard let steps = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] else {
            throw CSLError(file: name, element: "CITATIONS", message: "expected an array of steps")
        }
        var byID: [String: CSLCitation] = [:]
        var order: [String] = []
        var previous: [String: String] = [:]
        var current: [String: String] = [:]
        var lastID = ""
        for step in steps {
            guard let citation = step.first as? [String: Any],
                  let id = citation["citationID"] as? String else { continue }
            let cites = (citation["citationItems"] as? [[String: Any]] ?? []).map(Self.cite)
            let note = ((citation["properties"] as? [String: Any])?["noteIndex"] as? NSNumber)?.intValue
            byID[id] = CSLCitation(cites: cites, noteIndex: note)
            lastID = id
            // The citations before and after the new one, each with its (possibly new) note number.
            let neighbours = ((step.count > 1 ? step[1] as? [[Any]] : nil) ?? []) + ((step.count > 2 ? step[2] as? [[Any]] : nil) ?? [])
            for entry in neighbours {
                guard let key = entry.first as? String else { continue }
                if entry.count > 1, let n = entry[1] as? NSNumber { byID[key]?.noteIndex = n.intValue }
            }
            let pre = (step.count > 1 ? step[1] as? [[Any]] : nil)?.compactMap { $0.first as? String } ?? []
            let post = (step.count > 2 ? step[2] as? [[Any]] : nil)?.compactMap { $0.first as? String } ?? []
            order = pre + [id] + post
            // The step lists the whole document: a citation it leaves out has been deleted.
            for known in byID.keys where !order.contains(known) { byID[known] = nil }
            let doc = processor.document(order.compactMap { byID[$0] }, items: items)
            previous = current
            current = [:]
            for (i, key) in order.enumerated() { current[key] = doc.citations[i].html }
        }
        // ">>" marks the citation the last step inserted and those whose text it changed.
        let text = order.enumerated().map { i, key in
            let unchanged = previous[key] == current[key] && key != lastID
            return "\(unchanged ? ".." : ">>")[\(i)] \(current[key] ?? "")"
        }.joined(separator: "\n")
        return (text, order.compactMap { byID[$0] })
    }
}
