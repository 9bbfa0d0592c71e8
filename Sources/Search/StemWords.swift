/// Per stem, its words with how many documents use each: the stems in UTF-8 byte order, the order the index state
/// is written in. A build that reads the state and changes a few stems (`IndexUpdate`) keeps the changes beside the
/// sorted lists, so that it neither sorts every stem again nor makes a dictionary of them to write the state back.
struct StemWords: Sendable {
    private var stems: [String]
    private var lists: [[IndexState.Word]]
    /// Stems changed since: the new list, or an empty one for a stem no document uses any more.
    private var changes: [String: [IndexState.Word]] = [:]

    /// `stems` in UTF-8 byte order, `lists` theirs.
    init(sortedStems stems: [String], lists: [[IndexState.Word]]) {
        self.stems = stems
        self.lists = lists
    }

    init(_ words: [String: [IndexState.Word]]) {
        let stems = words.keys.sorted(by: Self.precedes)
        self.init(sortedStems: stems, lists: stems.map { words[$0]! })
    }

    static func precedes(_ first: String, _ second: String) -> Bool { first.utf8.lexicographicallyPrecedes(second.utf8) }

    subscript(stem: String) -> [IndexState.Word]? {
        get {
            if let changed = changes[stem] { return changed.isEmpty ? nil : changed }
            return place(of: stem).map { lists[$0] }
        }
        set { changes[stem] = newValue ?? [] }
    }

    var count: Int {
        changes.reduce(stems.count) { count, change in
            let known = place(of: change.key) != nil
            return count + (known && change.value.isEmpty ? -1 : !known && !change.value.isEmpty ? 1 : 0)
        }
    }

    /// Every stem with its words, in byte order.
    func forEach(_ body: (String, [IndexState.Word]) -> Void) {
        let changed = changes.keys.sorted(by: Self.precedes)
        var next = 0
        for (index, stem) in stems.enumerated() {
            while next < changed.count, Self.precedes(changed[next], stem) {
                if !changes[changed[next]]!.isEmpty { body(changed[next], changes[changed[next]]!) }
                next += 1
            }
            if next < changed.count, changed[next].utf8.elementsEqual(stem.utf8) {
                if !changes[stem]!.isEmpty { body(stem, changes[stem]!) }
                next += 1
            } else {
                body(stem, lists[index])
            }
        }
        for stem in changed[next...] where !changes[stem]!.isEmpty { body(stem, changes[stem]!) }
    }

    private func place(of stem: String) -> Int? {
        var low = 0, high = stems.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(stems[middle], stem) { low = middle + 1 } else { high = middle }
        }
        return low < stems.count && stems[low].utf8.elementsEqual(stem.utf8) ? low : nil
    }
}

extension StemWords: Equatable {
    /// The same stems with the same words, however they were come by.
    static func == (left: StemWords, right: StemWords) -> Bool {
        var one: [(String, [IndexState.Word])] = [], other: [(String, [IndexState.Word])] = []
        left.forEach { one.append(($0, $1)) }
        right.forEach { other.append(($0, $1)) }
        return one.elementsEqual(other) { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
