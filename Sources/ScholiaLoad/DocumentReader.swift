import Foundation
import ScholiaModel

/// Reads one document of a loaded site again, exactly as `ContentLoader.load` read it (the same `Document`, the same
/// diagnostics), without listing or reading anything else: the configuration, the speaker files and the folder's
/// listing are those of that load. So it answers only for a site whose `site.yml`, speakers and topics, and whose
/// list of document files, are as they were (`scholia serve`'s quick path checks this before it asks).
package struct DocumentReader: Sendable {
    let loader: DocumentLoader
    /// Each document file, by its path from the site folder (`Content/documents/NAME.md`): listed, or looked up.
    let filesByPath: DocumentFiles
    let includeDrafts: Bool
    /// The ids of the speakers and topics that have a file: the others take their name from the documents that name them.
    package let speakerFileIDs: Set<String>
    package let topicFileIDs: Set<String>

    /// The settings of `site.yml`, as the documents are read with them.
    package var config: SiteConfig { loader.config }

    package static let none = DocumentReader(loader: DocumentLoader(config: SiteConfig(), speakerFiles: [:]), filesByPath: DocumentFiles([]),
                                             includeDrafts: false, speakerFileIDs: [], topicFileIDs: [])

    /// The document file at `path` (from the site folder), read now: the document, nil when it has errors or is a
    /// draft the load leaves out, with its diagnostics; nil for a path that was not a document of the listing.
    /// With a `cache`, the document is stored in it as a load stores what it reads (`scholia serve`'s quick path: its next
    /// full plan takes the document from there).
    package func read(_ path: String, storingIn cache: DocumentCache? = nil) -> (document: LoadedDocument?, diagnostics: DiagnosticList)? {
        guard let file = filesByPath[path] else { return nil }
        let result = loader.load(file, loader.read(file), storingIn: cache)
        guard let loaded = result.0, includeDrafts || !loaded.document.isDraft else { return (nil, result.1) }
        return (loaded, result.1)
    }

    /// The files a document is read from (paths from the site folder): its text, sidecar metadata and annotations.
    package func files(of path: String) -> [String] {
        guard let file = filesByPath[path] else { return [] }
        return [file.displayPath] + [file.sidecarDisplayPath, file.notesDisplayPath].compactMap { $0 }
    }

    /// The document files that read `path` (from the site folder): the file itself for a `.md` or `.txt`, the documents
    /// whose sidecar metadata or annotations it holds for a `.yml`; empty for any other file.
    package func documentPaths(reading path: String) -> [String] {
        if filesByPath[path] != nil { return [path] }
        guard path.hasSuffix(".yml") else { return [] }
        var paths: [String] = []
        for suffix in [".notes.yml", ".yml"] where path.hasSuffix(suffix) {
            let stem = String(path.dropLast(suffix.count))
            for candidate in [stem + ".md", stem + ".txt"] {
                if let file = filesByPath[candidate], file.sidecarDisplayPath == path || file.notesDisplayPath == path { paths.append(candidate) }
            }
        }
        return paths
    }
}

extension DocumentReader {
    /// Whether the documents that declare the speaker of this file would be read differently with it (its name, family
    /// name or aliases, which turn labels are matched against, are not this reader's).
    package func readsDifferently(with speaker: Speaker) -> Bool {
        loader.speakerFiles[speaker.id].map(DocumentLoader.labelKey) != DocumentLoader.labelKey(speaker)
    }

    /// This reader with the speaker files `speakers` in place of those of the same ids, for the documents that declare them.
    package func replacingSpeakerFiles(_ speakers: [Speaker]) -> DocumentReader {
        var files = loader.speakerFiles
        for speaker in speakers { files[speaker.id] = speaker }
        var replaced = DocumentLoader(config: loader.config, speakerFiles: files)
        replaced.environment = loader.environment
        return DocumentReader(loader: replaced, filesByPath: filesByPath, includeDrafts: includeDrafts, speakerFileIDs: speakerFileIDs,
                              topicFileIDs: topicFileIDs)
    }

    /// The speaker file at `path` (from the site folder `siteDirectory`), read now as the load reads it.
    package func speaker(at path: String, siteDirectory: URL) -> (speaker: Speaker?, diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        let speaker = EntityLoader(config: loader.config).speaker(siteDirectory.appendingPathComponent(path), displayPath: path, &diagnostics)
        return (speaker, diagnostics)
    }

    /// The topic file at `path` (from the site folder `siteDirectory`), read now as the load reads it.
    package func topic(at path: String, siteDirectory: URL) -> (topic: Topic?, diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        let topic = EntityLoader(config: loader.config).topic(siteDirectory.appendingPathComponent(path), displayPath: path, &diagnostics)
        return (topic, diagnostics)
    }

    /// The reading list file at `path` (from the site folder `siteDirectory`), read now as the load reads it.
    package func collection(at path: String, siteDirectory: URL) -> (collection: Collection?, diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        let loaded = EntityLoader(config: loader.config).collection(siteDirectory.appendingPathComponent(path), displayPath: path, &diagnostics)
        return (loaded?.collection, diagnostics)
    }
}
