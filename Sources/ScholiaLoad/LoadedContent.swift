import Foundation
import ScholiaModel

/// A speaker as a document names it, before the site is resolved.
package struct SpeakerReference: Sendable, Codable {
    package var id: String
    package var name: String?
    package var role: String?
    package var labels: [String]
    package var participation: Participation
    package var location: SourceLocation
}

/// A topic as a document names it: an id, or a title that gives one.
package struct TopicReference: Sendable, Codable {
    package var id: String
    package var title: String?
}

package struct LoadedDocument: Sendable, Codable {
    package var document: Document
    package var location: SourceLocation
    package var speakers: [SpeakerReference]
    package var topics: [TopicReference]
}

package struct LoadedCollectionItem: Sendable {
    package var item: CollectionItem
    package var location: SourceLocation
}

package struct LoadedCollection: Sendable {
    package var collection: Collection
    package var items: [LoadedCollectionItem]
}

/// Everything read from a site folder, before cross-references are resolved.
package struct LoadedContent: Sendable {
    package var config: SiteConfig
    package var documents: [LoadedDocument] = []
    package var speakers: [String: Speaker] = [:]
    package var topics: [String: Topic] = [:]
    package var collections: [LoadedCollection] = []
    /// Ids of document files that had errors: a reading list naming one is not reported again.
    package var failedDocumentIDs: Set<String> = []
    /// Files to copy as they are: output path → source file.
    package var staticFiles: [(outputPath: String, source: URL)] = []
    /// Reads a document's transcript again: for documents from the disk cache, which has none.
    package var transcripts = TranscriptReader(loader: nil, filesByPath: [:])
}

/// Reads the transcript of a document that came from the disk cache without it, from its source file.
package struct TranscriptReader: TranscriptSource {
    let loader: DocumentLoader?
    let filesByPath: [String: DocumentLoader.File]
    /// Reads a whole document again as the load read it (`scholia serve`, after a save).
    package var documents = DocumentReader.none

    package func transcript(of document: Document) -> Transcript {
        guard document.transcriptIsOmitted, let loader, let file = filesByPath[document.sourcePath] else { return document.transcript }
        return loader.load(file).0?.document.transcript ?? document.transcript
    }
}
