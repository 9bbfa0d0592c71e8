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
    /// Reads a document's transcript again: for documents loaded without one (from the disk cache, or by a build).
    package var transcripts = TranscriptReader(loader: nil, files: DocumentFiles([]), speakersByPath: [:])
}

/// Reads the transcript of a document loaded without it (from the disk cache, or by a build) from its source file.
package struct TranscriptReader: TranscriptSource {
    let loader: DocumentLoader?
    let filesByPath: DocumentFiles
    /// The speakers each document declares, by its path: with its type, what its turns are divided by.
    let speakersByPath: [String: [SpeakerReference]]
    /// Reads a whole document again as the load read it (`scholia serve`, after a save).
    package var documents = DocumentReader.none
    private let held = HeldTranscripts()

    init(loader: DocumentLoader?, files: DocumentFiles, speakersByPath: [String: [SpeakerReference]]) {
        self.loader = loader
        filesByPath = files
        self.speakersByPath = speakersByPath
    }

    /// Reads transcripts as `reader` reads documents, each document declaring the speakers `speakersByPath` gives.
    package init(_ reader: DocumentReader, speakersByPath: [String: [SpeakerReference]]) {
        self.init(loader: reader.loader, files: reader.filesByPath, speakersByPath: speakersByPath)
        documents = reader
    }

    package func transcript(of document: Document) -> Transcript {
        guard document.transcriptIsOmitted, let loader, let file = filesByPath[document.sourcePath],
              let speakers = speakersByPath[document.sourcePath] else { return document.transcript }
        return held.transcript(of: document.sourcePath) {
            loader.transcript(of: file, speakers: speakers, type: document.type) ?? document.transcript
        }
    }

    /// Runs `body`, in which the transcript of `document` is read at most once however often it is asked for (a build
    /// makes its page, its search entry and its search display data from one reading), and let go after.
    package func holding<T>(_ document: Document, _ body: () -> T) -> T {
        guard document.transcriptIsOmitted else { return body() }
        held.hold(document.sourcePath)
        defer { held.release(document.sourcePath) }
        return body()
    }
}

/// The transcripts read while their documents are held (`TranscriptReader.holding`), by source path.
private final class HeldTranscripts: @unchecked Sendable {
    private var transcripts: [String: Transcript?] = [:]
    private let lock = NSLock()

    func hold(_ path: String) { lock.withLock { transcripts[path] = .some(nil) } }
    func release(_ path: String) { lock.withLock { transcripts[path] = nil } }

    func transcript(of path: String, read: () -> Transcript) -> Transcript {
        guard let entry = lock.withLock({ transcripts[path] }) else { return read() }
        if let transcript = entry { return transcript }
        let transcript = read()
        lock.withLock { if transcripts[path] != nil { transcripts[path] = transcript } }
        return transcript
    }
}
