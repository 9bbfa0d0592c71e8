/// Computes each cite's position (first, subsequent, ibid, ibid-with-locator), near-note
/// status and first-reference note number, walking citations in document order.
struct PositionTracker {
    let nearNoteDistance: Int
    let citations: [CSLCitation]

    func compute() -> [[CiteData]] {
        var lastNote: [String: Int] = [:]
        var firstNote: [String: Int] = [:]
        var previousCitation: [CSLCite]?
        var result: [[CiteData]] = []
        for (index, citation) in citations.enumerated() {
            let note = citation.noteIndex ?? (index + 1)
            var data: [CiteData] = []
            for (i, cite) in citation.cites.enumerated() {
                var d = CiteData(locator: cite.locator, label: cite.label)
                let previous: CSLCite? = i > 0 ? citation.cites[i - 1]
                    : (previousCitation?.count == 1 ? previousCitation?.first : nil)
                if firstNote[cite.id] == nil {
                    d.position = .first
                } else if let previous, previous.id == cite.id {
                    if Self.sameLocator(previous, cite) { d.position = .ibid }
                    else if cite.locator != nil { d.position = .ibidWithLocator }
                    else { d.position = .subsequent }
                } else {
                    d.position = .subsequent
                }
                if let forced = cite.position {
                    d.position = switch forced {
                    case .first: .first
                    case .subsequent: .subsequent
                    case .ibid: .ibid
                    case .ibidWithLocator: .ibidWithLocator
                    }
                }
                if let last = lastNote[cite.id] { d.nearNote = note - last <= nearNoteDistance }
                d.firstReferenceNoteNumber = firstNote[cite.id]
                data.append(d)
                if firstNote[cite.id] == nil { firstNote[cite.id] = note }
                lastNote[cite.id] = note
            }
            previousCitation = citation.cites
            result.append(data)
        }
        return result
    }

    /// A locator is its value with its label ("page" when none is given): "book 12" differs from "p. 12".
    private static func sameLocator(_ a: CSLCite, _ b: CSLCite) -> Bool {
        a.locator == b.locator && (a.locator == nil || (a.label ?? "page") == (b.label ?? "page"))
    }
}
