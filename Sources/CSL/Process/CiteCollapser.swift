/// Joins the cites of a citation, collapsing number ranges ("1–3") and repeated authors
/// ("Smith 2000a, b; Jones 1999") when the style asks for it.
struct CiteCollapser {
    let citation: CitationSection
    let layoutDelimiter: String

    func join(_ cites: [RenderedCite]) -> [Node] {
        let visible = cites.filter { !$0.nodes.isBlank }
        switch citation.collapse {
        case "citation-number": return joinNumbers(visible)
        case "year", "year-suffix", "year-suffix-ranged": return joinByAuthor(visible, collapsing: true)
        default:
            // cite-group-delimiter alone groups same-author cites without shortening them.
            if citation.citeGroupDelimiter != nil { return joinByAuthor(visible, collapsing: false) }
            return joinPlain(visible, layoutDelimiter)
        }
    }

    private func joinPlain(_ cites: [RenderedCite], _ delimiter: String) -> [Node] {
        var out: [Node] = []
        for (i, cite) in cites.enumerated() {
            if i > 0 && !cite.prefixReplacesDelimiter { out.append(.text(delimiter)) }
            out += cite.nodes
        }
        return out
    }

    private func joinNumbers(_ cites: [RenderedCite]) -> [Node] {
        var out: [Node] = []
        var i = 0
        while i < cites.count {
            var j = i
            while j + 1 < cites.count, let a = cites[j].number, let b = cites[j + 1].number, b == a + 1,
                  !cites[j].hasAffixesOrLocator, !cites[j + 1].hasAffixesOrLocator, cites[i].number != nil {
                j += 1
            }
            if i > 0 { out.append(.text(layoutDelimiter)) }
            if j - i >= 2 {
                out += cites[i].nodes + [.text("\u{2013}")] + cites[j].nodes
            } else {
                out += cites[i].nodes
                if j > i { out += [.text(layoutDelimiter)] + cites[j].nodes }
            }
            i = j + 1
        }
        return out
    }

    private func joinByAuthor(_ cites: [RenderedCite], collapsing: Bool) -> [Node] {
        // Cites by the same author form a group. In sorted citations later cites join the
        // author's first cite; unsorted ones group only when adjacent (as citeproc-js does).
        let sorted = !citation.sort.isEmpty
        var groups: [[RenderedCite]] = []
        for cite in cites {
            if let key = cite.namesKey,
               let g = sorted ? groups.firstIndex(where: { $0.first?.namesKey == key })
                              : (groups.last?.first?.namesKey == key ? groups.count - 1 : nil) {
                groups[g].append(cite)
            } else {
                groups.append([cite])
            }
        }
        let groupDelimiter = citation.citeGroupDelimiter ?? ", "
        let afterCollapse = citation.afterCollapseDelimiter ?? layoutDelimiter
        var out: [Node] = []
        var previousCollapsed = false
        for (g, group) in groups.enumerated() {
            if g > 0 { out.append(.text(previousCollapsed ? afterCollapse : layoutDelimiter)) }
            out += collapsing ? groupNodes(group, groupDelimiter) : joinPlain(group, groupDelimiter)
            previousCollapsed = collapsing && group.count > 1
        }
        return out
    }

    private func groupNodes(_ group: [RenderedCite], _ delimiter: String) -> [Node] {
        guard group.count > 1 else { return group[0].nodes }
        var out = group[0].nodes
        var index = 1
        let bySuffix = citation.collapse != "year"
        var afterSuffixRun = false
        while index < group.count {
            let cite = group[index]
            let prev = group[index - 1]
            if bySuffix, let suffix = cite.yearSuffix, prev.yearSuffix != nil, cite.yearKey == prev.yearKey,
               !cite.hasAffixesOrLocator, !prev.hasAffixesOrLocator {
                // Same author and year: only the suffix ("2000a, b"), or a range ("2000a–c").
                var run = [suffix]
                var end = index
                while end + 1 < group.count, let next = group[end + 1].yearSuffix, group[end + 1].yearKey == cite.yearKey,
                      !group[end + 1].hasAffixesOrLocator {
                    run.append(next)
                    end += 1
                }
                let yearDelimiter = citation.yearSuffixDelimiter ?? citation.citeGroupDelimiter ?? layoutDelimiter
                if citation.collapse == "year-suffix-ranged" {
                    out += rangedSuffixes([prev.yearSuffix!] + run, yearDelimiter)
                } else {
                    for s in run { out += [.text(yearDelimiter)] + s }
                }
                index = end + 1
                afterSuffixRun = true
                continue
            }
            let loose = afterSuffixRun || cite.hasLocator || prev.hasLocator
            let before = loose ? (citation.afterCollapseDelimiter ?? layoutDelimiter) : delimiter
            afterSuffixRun = false
            let rest = cite.withoutNames()
            if !rest.isBlank { out += [.text(before)] + rest }
            index += 1
        }
        return out
    }

    /// Suffix runs like a, b, c become "–c" after the first (already printed) suffix.
    private func rangedSuffixes(_ suffixes: [[Node]], _ delimiter: String) -> [Node] {
        let letters = suffixes.map(\.plainText)
        var out: [Node] = []
        var i = 0
        while i < letters.count {
            var j = i
            while j + 1 < letters.count, Self.next(letters[j]) == letters[j + 1] { j += 1 }
            if i > 0 { out += [.text(delimiter)] + suffixes[i] }
            if j - i >= 2 { out += [.text("\u{2013}")] + suffixes[j] }
            else if j > i { for k in (i + 1)...j { out += [.text(delimiter)] + suffixes[k] } }
            i = j + 1
        }
        return out
    }

    private static func next(_ s: String) -> String {
        guard s.count == 1, let c = s.unicodeScalars.first, c.value < 122 else { return "" }
        return String(UnicodeScalar(c.value + 1)!)
    }
}
