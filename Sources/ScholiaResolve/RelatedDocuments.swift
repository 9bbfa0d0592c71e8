import ScholiaModel

/// "More on This Topic": documents that share the most topics and speakers, then the nearest in date,
/// then by id. Candidates come from an index of topics and speakers, so the work grows with the overlaps,
/// not with the square of the number of documents. Documents are numbers here (their place in the list),
/// so that scoring touches no strings and copies no documents.
struct RelatedDocuments {
    private let ids: [String]
    private let days: [Int]
    /// Each document's place in id order: comparing two of these compares the ids.
    private let idRank: [Int]
    /// Each document's distinct topics and speakers, as numbers into `postings`.
    private let keys: [[Int]]
    /// For each topic or speaker, the documents that have it, in list order.
    private let postings: [[Int32]]

    init(documents: [Document]) {
        let ids = documents.map(\.id)
        self.ids = ids
        days = documents.map { $0.date.start.dayNumber }
        var rank = [Int](repeating: 0, count: documents.count)
        for (place, index) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { rank[index] = place }
        idRank = rank
        // Topics and speakers are numbered apart: a topic and a speaker with the same id are different keys.
        var numbers: [String: Int] = [:]
        var postings: [[Int32]] = []
        func number(_ key: String) -> Int {
            if let known = numbers[key] { return known }
            numbers[key] = postings.count
            postings.append([])
            return postings.count - 1
        }
        var keys: [[Int]] = []
        keys.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            var own = Set(document.topicIDs.map { number("t:" + $0) })
            own.formUnion(document.participants.map { number("s:" + $0.speakerID) })
            let sorted = own.sorted()
            for key in sorted { postings[key].append(Int32(index)) }
            keys.append(sorted)
        }
        self.keys = keys
        self.postings = postings
    }

    /// The `count` related documents of every document, in list order. Work is split into chunks, each
    /// with its own score table, so that no table is allocated per document.
    func all(_ count: Int) -> [[String]] {
        let chunkSize = 256
        let starts = Array(stride(from: 0, to: ids.count, by: chunkSize))
        return starts.parallelMap { start in
            var scores = [Int32](repeating: 0, count: ids.count)
            var touched: [Int32] = []
            return (start..<min(start + chunkSize, ids.count)).map { top(count, for: $0, scores: &scores, touched: &touched) }
        }.flatMap { $0 }
    }

    /// `scores` is all zeros on entry and is left so.
    private func top(_ count: Int, for document: Int, scores: inout [Int32], touched: inout [Int32]) -> [String] {
        touched.removeAll(keepingCapacity: true)
        for key in keys[document] {
            for other in postings[key] {
                if scores[Int(other)] == 0 { touched.append(other) }
                scores[Int(other)] += 1
            }
        }
        let day = days[document]
        // The best `count` so far, best first: (score, distance, id rank, index).
        var best: [(score: Int32, distance: Int, rank: Int, index: Int)] = []
        func isBetter(_ a: (score: Int32, distance: Int, rank: Int, index: Int), than b: (score: Int32, distance: Int, rank: Int, index: Int)) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.rank < b.rank
        }
        for other in touched {
            let index = Int(other)
            let candidate = (score: scores[index], distance: abs(days[index] - day), rank: idRank[index], index: index)
            scores[index] = 0
            guard index != document, count > 0 else { continue }
            if best.count == count {
                guard isBetter(candidate, than: best[count - 1]) else { continue }
                best.removeLast()
            }
            let place = best.firstIndex { isBetter(candidate, than: $0) } ?? best.count
            best.insert(candidate, at: place)
        }
        return best.map { ids[$0.index] }
    }
}
