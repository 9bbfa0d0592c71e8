import ScholiaModel
import ScholiaLoad

/// "More on This Topic": documents that share the most topics and speakers, then the nearest in date,
/// then by id. Candidates come from an index of topics and speakers, so the work grows with the overlaps,
/// not with the square of the number of documents.
struct RelatedDocuments {
    private let documents: [Document]
    private var byTopic: [String: [Int]] = [:]
    private var bySpeaker: [String: [Int]] = [:]

    init(documents: [Document]) {
        self.documents = documents
        for (index, document) in documents.enumerated() {
            for topic in Set(document.topicIDs) { byTopic[topic, default: []].append(index) }
            for speaker in Set(document.participants.map(\.speakerID)) { bySpeaker[speaker, default: []].append(index) }
        }
    }

    func top(_ count: Int, for document: Document) -> [String] {
        var shared: [Int: Int] = [:]
        for topic in Set(document.topicIDs) { for index in byTopic[topic] ?? [] { shared[index, default: 0] += 1 } }
        for speaker in Set(document.participants.map(\.speakerID)) { for index in bySpeaker[speaker] ?? [] { shared[index, default: 0] += 1 } }
        let day = document.date.start.dayNumber
        let candidates = shared.compactMap { index, score -> (score: Int, distance: Int, id: String)? in
            let other = documents[index]
            guard other.id != document.id else { return nil }
            return (score, abs(other.date.start.dayNumber - day), other.id)
        }
        return candidates.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.id < b.id
        }.prefix(count).map(\.id)
    }
}
