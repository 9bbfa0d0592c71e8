import Foundation

/// A speaker as a document names it, before the site is resolved.
struct SpeakerReference: Sendable, Codable {
    var id: String
    var name: String?
    var role: String?
    var labels: [String]
    var participation: Participation
    var location: SourceLocation
}

/// A topic as a document names it: an id, or a title that gives one.
struct TopicReference: Sendable, Codable {
    var id: String
    var title: String?
}

struct LoadedDocument: Sendable, Codable {
    var document: Document
    var location: SourceLocation
    var speakers: [SpeakerReference]
    var topics: [TopicReference]
}

struct LoadedCollectionItem: Sendable {
    var item: CollectionItem
    var location: SourceLocation
}

struct LoadedCollection: Sendable {
    var collection: Collection
    var items: [LoadedCollectionItem]
}

/// Everything read from a site folder, before cross-references are resolved.
struct LoadedContent: Sendable {
    var config: SiteConfig
    var documents: [LoadedDocument] = []
    var speakers: [String: Speaker] = [:]
    var topics: [String: Topic] = [:]
    var collections: [LoadedCollection] = []
    /// Ids of document files that had errors: a reading list naming one is not reported again.
    var failedDocumentIDs: Set<String> = []
    /// Files to copy as they are: output path → source file.
    var staticFiles: [(outputPath: String, source: URL)] = []
    /// Reads a document's transcript again, by source path: for documents from the disk cache, which has none.
    var rereadTranscript: @Sendable (String) -> Transcript? = { _ in nil }
}
