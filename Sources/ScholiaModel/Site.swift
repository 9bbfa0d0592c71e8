import Foundation

/// The resolved site: every document, speaker, topic, year and collection, cross-referenced. Immutable.
package struct Site: Sendable {
    package let config: SiteConfig
    /// Newest first.
    package let documents: DocumentList
    /// Alphabetical by family name.
    package let speakers: [Speaker]
    /// Alphabetical by title.
    package let topics: [Topic]
    package let collections: [Collection]
    /// Newest first: (year, document ids newest first).
    package let years: [(year: Int, documentIDs: [String])]
    /// Alphabetical: (type, document ids newest first).
    package let types: [(type: String, documentIDs: [String])]
    package let staticFiles: [(outputPath: String, source: URL)]

    private let documentIndex: [String: Int]
    private let speakerIndex: [String: Int]
    private let topicIndex: [String: Int]

    package init(config: SiteConfig, documents: [Document], speakers: [Speaker], topics: [Topic], collections: [Collection],
         staticFiles: [(outputPath: String, source: URL)]) {
        self.config = config
        self.documents = DocumentList(documents)
        self.speakers = speakers
        self.topics = topics
        self.collections = collections
        self.staticFiles = staticFiles
        // By index, not `for document in documents`: copying a document retains each of its fields (10,000 at a time).
        documentIndex = Dictionary(uniqueKeysWithValues: documents.indices.map { (documents[$0].id, $0) })
        speakerIndex = Dictionary(uniqueKeysWithValues: speakers.enumerated().map { ($1.id, $0) })
        topicIndex = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, $0) })
        var byYear: [Int: [String]] = [:]
        for index in documents.indices { byYear[documents[index].date.year, default: []].append(documents[index].id) }
        years = byYear.keys.sorted(by: >).map { ($0, byYear[$0]!) }
        var byType: [String: [String]] = [:]
        for index in documents.indices { byType[documents[index].type, default: []].append(documents[index].id) }
        types = byType.keys.sorted().map { ($0, byType[$0]!) }
    }

    /// This site with `replacements` in place of its documents of the same ids (`scholia serve`'s quick path). Each keeps
    /// the id, date and type of the one it replaces, so the indexes, years and types are this site's: not worked out
    /// again for every document, nil if one does not.
    package func replacingDocuments(_ replacements: [Document]) -> Site? {
        var documents = documents
        for replacement in replacements {
            guard let index = documentIndex[replacement.id], documents[index].date == replacement.date,
                  documents[index].type == replacement.type else { return nil }
            documents[index] = replacement
        }
        return Site(self, documents: documents)
    }

    /// This site with `speakers`, `topics` and `collections` in place of those of the same ids (`scholia serve`'s quick
    /// path, after a speaker's, topic's or reading list's file changed): a new name or title may move a speaker or topic
    /// in its list, which is put in site order again.
    package func replacing(speakers replacements: [Speaker], topics topicReplacements: [Topic], collections collectionReplacements: [Collection] = []) -> Site? {
        var speakers = speakers, topics = topics, collections = collections
        for replacement in collectionReplacements {
            guard let index = collections.firstIndex(where: { $0.id == replacement.id }) else { return nil }
            collections[index] = replacement
        }
        for replacement in replacements {
            guard let index = speakerIndex[replacement.id] else { return nil }
            speakers[index] = replacement
        }
        for replacement in topicReplacements {
            guard let index = topicIndex[replacement.id] else { return nil }
            topics[index] = replacement
        }
        return Site(self, documents: documents, speakers: replacements.isEmpty ? nil : Self.inSiteOrder(speakers),
                    topics: topicReplacements.isEmpty ? nil : Self.inSiteOrder(topics), collections: collections)
    }

    private init(_ site: Site, documents: DocumentList, speakers: [Speaker]? = nil, topics: [Topic]? = nil, collections: [Collection]? = nil) {
        (config, staticFiles) = (site.config, site.staticFiles)
        self.collections = collections ?? site.collections
        (years, types) = (site.years, site.types)
        documentIndex = site.documentIndex
        speakerIndex = speakers.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1.id, $0) }) } ?? site.speakerIndex
        topicIndex = topics.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1.id, $0) }) } ?? site.topicIndex
        self.documents = documents
        self.speakers = speakers ?? site.speakers
        self.topics = topics ?? site.topics
    }

    /// Speakers as a site lists them: by family name (`PersonName.sortKey`), then id.
    package static func inSiteOrder(_ speakers: [Speaker]) -> [Speaker] {
        speakers.sorted { ($0.name.sortKey, $0.id) < ($1.name.sortKey, $1.id) }
    }

    /// Topics as a site lists them: by title, whatever its case, then id.
    package static func inSiteOrder(_ topics: [Topic]) -> [Topic] {
        topics.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
    }

    package func document(_ id: String) -> Document? { documentIndex[id].map { documents[$0] } }

    package func hasDocument(_ id: String) -> Bool { documentIndex[id] != nil }

    /// The documents just before and just after this one in time (the site is newest first).
    package func neighbours(of id: String) -> (earlier: Document?, later: Document?) {
        guard let index = documentIndex[id] else { return (nil, nil) }
        return (index + 1 < documents.count ? documents[index + 1] : nil, index > 0 ? documents[index - 1] : nil)
    }

    /// The ids of the documents just before and just after this one in time, without copying either document.
    package func neighbourIDs(of id: String) -> (earlier: String?, later: String?) {
        guard let index = documentIndex[id] else { return (nil, nil) }
        return (index + 1 < documents.count ? documents[index + 1].id : nil, index > 0 ? documents[index - 1].id : nil)
    }

    package func speaker(_ id: String) -> Speaker? { speakerIndex[id].map { speakers[$0] } }

    package func hasSpeaker(_ id: String) -> Bool { speakerIndex[id] != nil }
    package func topic(_ id: String) -> Topic? { topicIndex[id].map { topics[$0] } }
}

/// Gives the render stage a document's transcript: a document that came from the disk cache, or was read by a build,
/// carries none, and its transcript is read again when its page is made. The load stage provides one (`TranscriptReader`).
package protocol TranscriptSource: Sendable {
    func transcript(of document: Document) -> Transcript
    /// Runs `body`, in which the transcript of `document` is read at most once however often it is asked for.
    func holding<T>(_ document: Document, _ body: () -> T) -> T
}

extension TranscriptSource {
    package func holding<T>(_ document: Document, _ body: () -> T) -> T { body() }
}
