import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaCore

/// A build holds no transcript (`ContentLoader.keepsTranscripts`): each is read again, from its file alone, when its
/// page is made. What is read again must be what the load read.
@Suite struct TranscriptRereadTests {
    /// Spoken and written documents, Markdown and plain text, declared labels, speaker-file aliases and guessed labels.
    static let files = DocumentReaderTests.files.merging([
        "Content/documents/press.md": markdownDocument(title: "Press", extra: "type: press-conference\nspeakers: [ada-byron]\n",
                                                       body: "MR. BABBAGE: A question.\n\nADA BYRON: An answer.\n\n> Quoted.\n\n- a list"),
        "Content/documents/memo.md": markdownDocument(title: "Memo", extra: "type: memo\n", body: "SUBJECT: Engines.\n\nText of the memo."),
    ]) { _, new in new }

    @Test func eachTranscriptIsReadAgainAsTheLoadReadIt() throws {
        let site = try TestSite(Self.files, theme: false)
        defer { site.remove() }
        let held = ContentLoader(siteDirectory: site.root, includeDrafts: true).load().0
        let cache = DocumentCache()
        let built = ContentLoader(siteDirectory: site.root, includeDrafts: true, cache: cache, keepsTranscripts: false).load().0
        // A later build takes the documents from the cache, which has no transcript either.
        let readBefore = cache.storeCount
        let cached = ContentLoader(siteDirectory: site.root, includeDrafts: true, cache: cache, keepsTranscripts: false).load().0
        #expect(cache.storeCount == readBefore)
        #expect(held.documents.count >= 6)
        for loaded in [built, cached] {
            #expect(loaded.documents.map(\.document.id) == held.documents.map(\.document.id))
            for (document, expected) in zip(loaded.documents.map(\.document), held.documents.map(\.document)) {
                #expect(document.transcriptIsOmitted && document.transcript.turns.isEmpty, "\(document.sourcePath)")
                #expect(!expected.transcript.turns.isEmpty, "\(document.sourcePath)")
                #expect(loaded.transcripts.transcript(of: document) == expected.transcript, "\(document.sourcePath)")
            }
        }
    }

    /// While a document is held its transcript is read once (its page, search entry and display data share it);
    /// once let go, it is read from the file again.
    @Test func aHeldTranscriptIsReadOnce() throws {
        let site = try TestSite(Self.files, theme: false)
        defer { site.remove() }
        let content = ContentLoader(siteDirectory: site.root, includeDrafts: false, cache: DocumentCache(), keepsTranscripts: false).load().0
        let document = try #require(content.documents.first { $0.document.id == "speech" }?.document)
        let file = site.root.appendingPathComponent(document.sourcePath)
        let original = try String(contentsOf: file, encoding: .utf8)
        func text(_ transcript: Transcript) -> String { transcript.paragraphs.map(\.plainText).joined(separator: "\n") }
        let (first, second) = content.transcripts.holding(document) {
            let first = content.transcripts.transcript(of: document)
            try? Data(original.replacingOccurrences(of: "The engine weaves.", with: "Changed on disk.").utf8).write(to: file)
            return (first, content.transcripts.transcript(of: document))
        }
        #expect(text(first).contains("The engine weaves."))
        #expect(second == first)
        #expect(text(content.transcripts.transcript(of: document)).contains("Changed on disk."))
    }
}
