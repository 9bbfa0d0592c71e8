import Testing
@testable import ScholiaModel
@testable import ScholiaResolve

/// "More on This Topic" from the topic and speaker index gives what comparing every pair of documents gives.
@Suite struct RelatedDocumentsTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 31)
        }
    }

    static func documents(_ count: Int, seed: UInt64) -> [Document] {
        var random = Generator(state: seed)
        return (0..<count).map { index in
            // Few topics and speakers and few dates, so that scores and distances tie often; a speaker may
            // share its id with a topic, and a topic may be listed twice.
            let topics = (0..<Int.random(in: 0...3, using: &random)).map { _ in "t\(Int.random(in: 0..<6, using: &random))" }
            let speakers = (0..<Int.random(in: 0...3, using: &random)).map { _ in "t\(Int.random(in: 3..<9, using: &random))" }
            return Document(
                id: "d\(Int.random(in: 0..<1000, using: &random))-\(index)", sourcePath: "", title: "",
                date: DocumentDate(start: PartialDate(year: 1950 + Int.random(in: 0..<4, using: &random), month: Int.random(in: 1...2, using: &random))),
                type: "speech", participants: speakers.map { Participant(speakerID: $0, participation: .speaker) }, topicIDs: topics,
                source: SourceInfo(), isDraft: false, transcript: Transcript(turns: []), citationOverrides: [])
        }
    }

    /// Every pair scored, the best five kept: the definition the index must match.
    static func bruteForce(_ documents: [Document], count: Int) -> [[String]] {
        documents.map { document in
            documents.compactMap { other -> (score: Int, distance: Int, id: String)? in
                guard other.id != document.id else { return nil }
                let score = Set(document.topicIDs).intersection(other.topicIDs).count
                    + Set(document.participants.map(\.speakerID)).intersection(other.participants.map(\.speakerID)).count
                guard score > 0 else { return nil }
                return (score, abs(other.date.start.dayNumber - document.date.start.dayNumber), other.id)
            }.sorted { ($1.score, $0.distance, $0.id) < ($0.score, $1.distance, $1.id) }.prefix(count).map(\.id)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5]) func theIndexMatchesEveryPairCompared(seed: UInt64) {
        let documents = Self.documents(700, seed: seed)
        #expect(RelatedDocuments(documents: documents).all(5) == Self.bruteForce(documents, count: 5))
    }

    @Test func noneAndOneDocument() {
        #expect(RelatedDocuments(documents: []).all(5).isEmpty)
        #expect(RelatedDocuments(documents: Self.documents(1, seed: 9)).all(5) == [[]])
    }
}
