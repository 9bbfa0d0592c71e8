/// Makes cites that render identically distinct, in the spec's order: add names, expand given
/// names, set the `disambiguate` condition, then add year suffixes.
struct Disambiguator {
    let document: Document
    private var citation: CitationSection { document.style.citation }

    func run() {
        let ids = document.registered
        guard ids.count > 1, document.style.needsDisambiguation else { return }
        if citation.addGivenname && citation.givennameRule != "by-cite" { expandNamesGlobally(ids) }
        var groups = ambiguousGroups(ids)
        if groups.isEmpty { return }
        if citation.addNames || (citation.addGivenname && citation.givennameRule == "by-cite") {
            for group in groups { expand(group) }
            groups = ambiguousGroups(ids)
        }
        for group in groups {
            for id in group { document.disambiguation[id]?.disambiguateCondition = true }
        }
        // Keep the condition only where it helps; the rest fall back to year suffixes.
        groups = ambiguousGroups(ids)
        if citation.addYearSuffix {
            let order = Dictionary(uniqueKeysWithValues: document.bibliographyOrder.enumerated().map { ($1, $0) })
            for group in groups {
                let sorted = group.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) }
                for (i, id) in sorted.enumerated() { document.disambiguation[id]?.yearSuffix = i + 1 }
            }
        }
    }

    /// Groups of two or more different items whose cites render the same.
    private func ambiguousGroups(_ ids: [String]) -> [[String]] {
        var byKey: [String: [String]] = [:]
        var keys: [String] = []
        for id in ids {
            let key = document.ambiguityKey(id, document.disambiguation[id]!)
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: []].append(id)
        }
        return keys.compactMap { byKey[$0]!.count > 1 ? byKey[$0] : nil }
    }

    private func distinctCount(_ group: [String]) -> Int {
        Set(group.map { document.ambiguityKey($0, document.disambiguation[$0]!) }).count
    }

    /// Shows more names (and, by-cite, fuller given names among those shown) until the
    /// group's cites differ. On failure the base name count returns if year suffixes can
    /// finish the job; otherwise the most helpful expansion stays.
    private func expand(_ group: [String]) {
        let base = group.map { document.disambiguation[$0]! }
        let start = distinctCount(group)
        let maxNames = group.map { id in document.items[id]!.names.values.map(\.count).max() ?? 0 }.max() ?? 0
        let counts: [Int?] = citation.addNames && maxNames > 1 ? Array(1...maxNames) : [nil]
        var best = (count: start, states: base)
        // Each item keeps the first state in which it differs from all the others.
        var settled: [String: Disambiguation] = [:]
        for n in counts {
            if let n { for id in group { document.disambiguation[id]?.minNames = n } }
            if citation.addGivenname && citation.givennameRule == "by-cite" { expandGivennames(group, shown: n) }
            let keys = group.map { document.ambiguityKey($0, document.disambiguation[$0]!) }
            for (i, id) in group.enumerated() where settled[id] == nil && keys.filter({ $0 == keys[i] }).count == 1 {
                settled[id] = document.disambiguation[id]!
            }
            let count = Set(keys).count
            if count > best.count { best = (count, group.map { document.disambiguation[$0]! }) }
            if settled.count == group.count { break }
        }
        for (id, state) in zip(group, best.states) { document.disambiguation[id] = settled[id] ?? state }
    }

    /// Raises given-name levels for shown names whose family name collides within the group.
    private func expandGivennames(_ group: [String], shown: Int?) {
        let lists = group.map { allNames(document.items[$0]!) }
        let limit = shown ?? (lists.map(\.count).max() ?? 0)
        for position in 0..<limit {
            let collisions = NameCollisions(lists.compactMap { position < $0.count ? $0[position] : nil }, cache: document.cache)
            for (index, list) in lists.enumerated() where position < list.count {
                let level = collisions.level(list[position])
                if level > 0 { raise(group[index], list[position], level) }
            }
        }
    }

    /// all-names / primary-name rules: expand every name that collides with a different person.
    private func expandNamesGlobally(_ ids: [String]) {
        let primaryOnly = citation.givennameRule.hasPrefix("primary-name")
        let initialsOnly = citation.givennameRule.hasSuffix("with-initials")
        var everyone: [CSLName] = []
        for id in ids {
            let names = allNames(document.items[id]!)
            everyone += primaryOnly ? Array(names.prefix(1)) : names
        }
        let collisions = NameCollisions(everyone, cache: document.cache)
        for id in ids {
            let names = allNames(document.items[id]!)
            for name in primaryOnly ? Array(names.prefix(1)) : names {
                var level = collisions.level(name)
                // Initials cannot separate people whose initials match: leave those alone.
                if initialsOnly && level == 2 { level = 0 }
                if level > 0 { raise(id, name, level) }
            }
        }
    }

    private func raise(_ id: String, _ name: CSLName, _ level: Int) {
        let key = NameKey.of(name)
        let current = document.disambiguation[id]?.givenLevels[key] ?? 0
        if level > current { document.disambiguation[id]?.givenLevels[key] = level }
    }

    private func allNames(_ item: CSLItem) -> [CSLName] {
        let order = ["author", "editor", "translator"]
        var out: [CSLName] = []
        for key in order { out += item.names[key] ?? [] }
        for (key, list) in item.names.sorted(by: { $0.key < $1.key }) where !order.contains(key) { out += list }
        return out
    }
}
