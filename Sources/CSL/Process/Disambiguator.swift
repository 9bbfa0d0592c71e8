/// Makes cites that render identically distinct, in the spec's order: add names, expand given
/// names, set the `disambiguate` condition, then add year suffixes.
struct Disambiguator {
    let document: Document
    private var citation: CitationSection { document.style.citation }

    func run() {
        let ids = document.registered
        guard ids.count > 0 else { return }
        if citation.addGivenname && citation.givennameRule != "by-cite" { expandNamesGlobally(ids) }
        var groups = ambiguousGroups(ids)
        if groups.isEmpty { return }
        if citation.addNames {
            for group in groups { addNames(group) }
            groups = ambiguousGroups(ids)
        }
        if citation.addGivenname && citation.givennameRule == "by-cite" {
            for group in groups { addGivennames(group) }
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

    /// Shows more names until the group's cites differ, or no more names help.
    private func addNames(_ group: [String]) {
        let maxNames = group.map { id in document.items[id]!.names.values.map(\.count).max() ?? 0 }.max() ?? 0
        var best = (count: distinctCount(group), names: 0)
        guard maxNames > 1 else { return }
        for n in 1...maxNames {
            for id in group { document.disambiguation[id]?.minNames = n }
            let count = distinctCount(group)
            if count > best.count { best = (count, n) }
            if count == group.count { break }
        }
        for id in group { document.disambiguation[id]?.minNames = best.names == 0 ? nil : best.names }
        // Items already distinct from every other one at fewer names keep the smaller count.
        for id in group {
            guard let n = document.disambiguation[id]?.minNames else { continue }
            var m = n
            while m > 1 {
                document.disambiguation[id]?.minNames = m - 1
                if isUnique(id, in: group) { m -= 1 } else { break }
            }
            document.disambiguation[id]?.minNames = m
        }
    }

    private func isUnique(_ id: String, in group: [String]) -> Bool {
        let key = document.ambiguityKey(id, document.disambiguation[id]!)
        return !group.contains { $0 != id && document.ambiguityKey($0, document.disambiguation[$0]!) == key }
    }

    /// Expands given names of names that share a family name within an ambiguous group.
    private func addGivennames(_ group: [String]) {
        let lists = group.map { allNames(document.items[$0]!) }
        let maxCount = lists.map(\.count).max() ?? 0
        for position in 0..<maxCount {
            let names = lists.compactMap { position < $0.count ? $0[position] : nil }
            for name in names {
                let level = neededLevel(name, among: names)
                guard level > 0 else { continue }
                for id in group { raise(id, name, level) }
            }
            if distinctCount(group) == group.count { return }
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
        for id in ids {
            let names = allNames(document.items[id]!)
            for name in primaryOnly ? Array(names.prefix(1)) : names {
                var level = neededLevel(name, among: everyone)
                if initialsOnly { level = min(level, 1) }
                if level > 0 { raise(id, name, level) }
            }
        }
    }

    private func raise(_ id: String, _ name: CSLName, _ level: Int) {
        let key = NameKey.of(name)
        let current = document.disambiguation[id]?.givenLevels[key] ?? 0
        if level > current { document.disambiguation[id]?.givenLevels[key] = level }
    }

    /// 0: no other person shares the family name; 1: initials tell them apart; 2: full names needed.
    private func neededLevel(_ name: CSLName, among others: [CSLName]) -> Int {
        guard name.literal == nil, let family = name.family else { return 0 }
        var level = 0
        for other in others where other.family == family && other.nonDroppingParticle == name.nonDroppingParticle {
            guard other.given != name.given else { continue }
            let a = initials(name.given), b = initials(other.given)
            level = max(level, a != b ? 1 : 2)
        }
        return level
    }

    private func initials(_ given: String?) -> String {
        Initials.make(given ?? "", with: ".", hyphen: true, initializeFull: true)
    }

    private func allNames(_ item: CSLItem) -> [CSLName] {
        let order = ["author", "editor", "translator"]
        var out: [CSLName] = []
        for key in order { out += item.names[key] ?? [] }
        for (key, list) in item.names.sorted(by: { $0.key < $1.key }) where !order.contains(key) { out += list }
        return out
    }
}
