import Foundation

/// The resolved site: every document, speaker, topic, year and collection, cross-referenced. Immutable.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Newest first.
    public let documents: [Document]
    /// Alphabetical by family name.
    public let speakers: [Speaker]
    /// Alphabetical by title.
    public let topics: [Topic]
    public let collections: [Collection]
    /// Newest first: (year, document ids newest first).
    public let years: [(year: Int, documentIDs: [String])]
    /// Alphabetical: (type, document ids newest first).
    public let types: [(type: String, documentIDs: [String])]
    public let staticFiles: [(outputPath: String, source: URL)]

    private let rereadTranscript: @Sendable (String) -> Transcript?
    private let documentIndex: [String: Int]
    private let speakerIndex: [String: Int]
    private let topicIndex: [String: Int]

    init(config: SiteConfig, documents: [Document], speakers: [Speaker], topics: [Topic], collections: [Collection],
         staticFiles: [(outputPath: String, source: URL)], rereadTranscript: @escaping @Sendable (String) -> Transcript? = { _ in nil }) {
        self.rereadTranscript = rereadTranscript
        self.config = config
        self.documents = documents
        self.speakers = speakers
        self.topics = topics
        self.collections = collections
        self.staticFiles = staticFiles
        documentIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        speakerIndex = Dictionary(uniqueKeysWithValues: speakers.enumerated().map { ($1.id, $0) })
        topicIndex = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, $0) })
        var byYear: [Int: [String]] = [:]
        for document in documents { byYear[document.date.year, default: []].append(document.id) }
        years = byYear.keys.sorted(by: >).map { ($0, byYear[$0]!) }
        var byType: [String: [String]] = [:]
        for document in documents { byType[document.type, default: []].append(document.id) }
        types = byType.keys.sorted().map { ($0, byType[$0]!) }
    }

    public func document(_ id: String) -> Document? { documentIndex[id].map { documents[$0] } }

    /// The document's transcript, read again if the document came from the disk cache without it.
    func transcript(of document: Document) -> Transcript {
        guard document.transcriptIsOmitted else { return document.transcript }
        return rereadTranscript(document.sourcePath) ?? document.transcript
    }
    /// The documents just before and just after this one in time (the site is newest first).
    public func neighbours(of id: String) -> (earlier: Document?, later: Document?) {
        guard let index = documentIndex[id] else { return (nil, nil) }
        return (index + 1 < documents.count ? documents[index + 1] : nil, index > 0 ? documents[index - 1] : nil)
    }

    public func speaker(_ id: String) -> Speaker? { speakerIndex[id].map { speakers[$0] } }
    public func topic(_ id: String) -> Topic? { topicIndex[id].map { topics[$0] } }
}
