import Foundation
import ScholiaModel

/// Reads a site folder: `site.yml`, `Content/` (documents, speakers, topics, collections, static).
package struct ContentLoader {
    let siteDirectory: URL
    let includeDrafts: Bool
    /// Documents read by an earlier build, reused when their files and environment are unchanged.
    var cache: DocumentCache? = nil
    /// What the last build knew of each file, so that an unchanged document is found in `cache` without reading it.
    var stamps: FileStamps? = nil
    /// Whether documents read now keep their transcript. A build does not: held for the whole build, transcripts are
    /// most of its memory (gigabytes at 100,000 documents), so each is read again when its page is made (`TranscriptReader`).
    var keepsTranscripts = true

    package init(siteDirectory: URL, includeDrafts: Bool, cache: DocumentCache? = nil, stamps: FileStamps? = nil, keepsTranscripts: Bool = true) {
        self.siteDirectory = siteDirectory
        self.includeDrafts = includeDrafts
        self.cache = cache
        self.stamps = stamps
        self.keepsTranscripts = keepsTranscripts
    }

    /// The load stage's one entry point.
    package func load() -> (LoadedContent, DiagnosticList) {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: siteDirectory.appendingPathComponent("site.yml"), displayPath: "site.yml", &diagnostics)
        var content = LoadedContent(config: config)
        let contentDirectory = siteDirectory.appendingPathComponent("Content")
        guard isDirectory(contentDirectory) else {
            diagnostics.error("no Content/ folder: put documents in Content/documents/", at: SourceLocation(path: "Content"))
            return (content, diagnostics)
        }
        let entities = EntityLoader(config: config)
        (content.speakers, content.topics) = speakerAndTopicFiles(entities, &diagnostics)
        for (url, path) in files(in: "Content/collections", extensions: ["md"], &diagnostics) {
            if let collection = entities.collection(url, displayPath: path, &diagnostics) { content.collections.append(collection) }
        }

        let documentFiles = documentFileList(&diagnostics)
        if documentFiles.isEmpty {
            diagnostics.error("Content/documents/ has no documents (.md or .txt files)", at: SourceLocation(path: "Content/documents"))
        }
        let loader = documentLoader(config, speakerFiles: content.speakers)
        let cache = cache, stamps = stamps, keepsTranscripts = keepsTranscripts
        // A stored document is taken when its files are as they were and so are the labels of the speakers it declares.
        let results = documentFiles.parallelMap { [loader] file in
            let stampedKey = stamps.map { loader.key(file, stamps: $0) }
            if let stampedKey, let known = cache?.result(for: file.displayPath, key: stampedKey, speakers: loader.speakerKey) { return known }
            let sources = loader.read(file)
            if stampedKey == nil, let known = cache?.result(for: file.displayPath, key: sources.key, speakers: loader.speakerKey) { return known }
            return loader.load(file, sources, storingIn: cache, keepsTranscript: keepsTranscripts)
        }
        cache?.keep(only: Set(documentFiles.map(\.displayPath)))
        let filesByPath = DocumentFiles(documentFiles)
        var speakersByPath: [String: [SpeakerReference]] = [:]
        for case (let file, (let loaded?, _)) in zip(documentFiles, results) { speakersByPath[file.displayPath] = loaded.speakers }
        content.transcripts = TranscriptReader(loader: loader, files: filesByPath, speakersByPath: speakersByPath)
        content.transcripts.documents = DocumentReader(loader: loader, filesByPath: filesByPath, includeDrafts: includeDrafts,
                                                       speakerFileIDs: Set(content.speakers.keys), topicFileIDs: Set(content.topics.keys))
        for (file, (loaded, found)) in zip(documentFiles, results) {
            diagnostics.append(contentsOf: found)
            if let loaded {
                if includeDrafts || !loaded.document.isDraft { content.documents.append(loaded) }
            } else {
                content.failedDocumentIDs.insert(Identifier.slug(file.stem))
            }
        }
        content.staticFiles = staticFiles(&diagnostics)
        return (content, diagnostics)
    }

    /// What reading one document again needs (`DocumentReader`), read without reading any document: the settings, the
    /// speaker and topic files and the listing of the documents. Nil without a `Content/` folder. Its diagnostics are
    /// left out: a build that asks knows the files to be those of its last build, whose warnings it has.
    ///
    /// With `isPresent` (whether a file is there, by its path from the site folder), the documents are not listed but
    /// looked up among the files it knows (`DocumentFiles`): for a site whose files a load found without error.
    package func documentReader(isPresent: (@Sendable (String) -> Bool)? = nil) -> DocumentReader? {
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: siteDirectory.appendingPathComponent("site.yml"), displayPath: "site.yml", &diagnostics)
        guard isDirectory(siteDirectory.appendingPathComponent("Content")) else { return nil }
        let (speakers, topics) = speakerAndTopicFiles(EntityLoader(config: config), &diagnostics)
        let files = isPresent.map { DocumentFiles(siteDirectory: siteDirectory, isPresent: $0) }
            ?? DocumentFiles(documentFileList(&diagnostics))
        return DocumentReader(loader: documentLoader(config, speakerFiles: speakers), filesByPath: files, includeDrafts: includeDrafts,
                              speakerFileIDs: Set(speakers.keys), topicFileIDs: Set(topics.keys))
    }

    private func speakerAndTopicFiles(_ entities: EntityLoader, _ diagnostics: inout DiagnosticList) -> (speakers: [String: Speaker], topics: [String: Topic]) {
        let speakers = entityFiles(in: "Content/speakers", &diagnostics) { entities.speaker($0, displayPath: $1, &$2) }
        let topics = entityFiles(in: "Content/topics", &diagnostics) { entities.topic($0, displayPath: $1, &$2) }
        return (Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }),
                Dictionary(topics.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }))
    }

    /// The `.md` files of `folder`, each read by `read` on every core (2,500 speaker files at 100,000 documents), their
    /// diagnostics kept in the files' order.
    private func entityFiles<Entity: Sendable>(in folder: String, _ diagnostics: inout DiagnosticList,
                                               _ read: @Sendable (URL, String, inout DiagnosticList) -> Entity?) -> [Entity] {
        files(in: folder, extensions: ["md"], &diagnostics).parallelMap { url, path in
            var found = DiagnosticList()
            return (read(url, path, &found), found)
        }.compactMap { entity, found in
            diagnostics.append(contentsOf: found)
            return entity
        }
    }

    private func documentLoader(_ config: SiteConfig, speakerFiles: [String: Speaker]) -> DocumentLoader {
        var loader = DocumentLoader(config: config, speakerFiles: speakerFiles)
        loader.environment = documentEnvironment(config)
        return loader
    }

    /// What reading any document depends on besides its own files and the speakers it declares (which the documents
    /// cache checks apart, `DocumentLoader.speakerKey`): the configuration (Markdown options), and Scholia itself.
    private func documentEnvironment(_ config: SiteConfig) -> UInt64 {
        var key = Fingerprint("scholia", ScholiaVersion.current)
        // Every setting, by name and value (a reflection of the struct, so that a new setting is never forgotten):
        // site.yml is read once, by `SiteConfig.load`.
        key.add(String(reflecting: config))
        return key.value
    }

    /// Whether something (a file, a link) is at this path in the site.
    private func isPresent(_ path: String) -> Bool {
        var info = stat()
        return lstat(siteDirectory.appendingPathComponent(path).path, &info) == 0
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files of one content folder with the given extensions, sorted; others are reported.
    private func files(in folder: String, extensions: Set<String>, _ diagnostics: inout DiagnosticList) -> [(URL, String)] {
        let directory = siteDirectory.appendingPathComponent(folder)
        return relativePaths(in: folder, extensions: extensions, recursive: false, &diagnostics).map { relative in
            (directory.appendingPathComponent(relative), "\(folder)/\(relative)")
        }
    }

    /// The relative paths of one content folder's files with the given extensions, sorted; others are reported.
    private func relativePaths(in folder: String, extensions: Set<String>, recursive: Bool, _ diagnostics: inout DiagnosticList) -> [String] {
        let directory = siteDirectory.appendingPathComponent(folder)
        return InputFolder(siteDirectory: siteDirectory).files(under: directory, display: folder, recursive: recursive, &diagnostics).filter { relative in
            guard extensions.contains(String(Self.pathExtension(relative))) else {
                diagnostics.warning("ignored: only \(extensions.sorted().map { "." + $0 }.joined(separator: " and ")) files are read here",
                                    at: SourceLocation(path: "\(folder)/\(relative)"))
                return false
            }
            return true
        }
    }

    /// What follows the last dot of a path's file name (as `URL.pathExtension` gives it), without making a URL.
    static func pathExtension(_ path: String) -> Substring {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    /// Documents, in `Content/documents/` and its subfolders (ids come from file names alone), with their
    /// sidecar files beside them: `NAME.yml` (metadata of a `.txt`) and `NAME.notes.yml` (annotations). A
    /// sidecar without its document is an error, and so is a second document of the same name in a folder.
    /// Paths stay strings: a URL per file of a large site costs more than listing the folder.
    private func documentFileList(_ diagnostics: inout DiagnosticList) -> [DocumentLoader.File] {
        let folder = "Content/documents"
        let root = siteDirectory.path + "/" + folder + "/"
        let all = relativePaths(in: folder, extensions: ["md", "txt", "yml"], recursive: true, &diagnostics)
            .map { (relative: $0, extension: Self.pathExtension($0)) }
        // Sidecars are looked up in the listing: a stat per document costs more than reading the folder.
        let names = Set(all.map(\.relative))
        var extensionOf: [String: Substring] = [:], duplicated: Set<String> = []
        var documents: [(stem: String, extension: Substring)] = []
        for file in all where file.extension != "yml" {
            let stem = String(file.relative.dropLast(file.extension.count + 1))
            if let other = extensionOf[stem] {
                diagnostics.error("two documents have the id '\(Identifier.slug((stem as NSString).lastPathComponent))' (the other is \(folder)/\(stem).\(other)); rename one",
                                  at: SourceLocation(path: "\(folder)/\(file.relative)"))
                duplicated.insert(stem)
                continue
            }
            extensionOf[stem] = file.extension
            documents.append((stem, file.extension))
        }
        for file in all where file.extension == "yml" {
            let isNotes = file.relative.hasSuffix(".notes.yml")
            let stem = String(file.relative.dropLast(isNotes ? ".notes.yml".count : ".yml".count))
            // A document that is there but was refused (a link out of the site, say) has its own error.
            let refused = extensionOf[stem] == nil && ["md", "txt"].contains { isPresent("\(folder)/\(stem).\($0)") }
            if duplicated.contains(stem) || refused { continue }
            let path = "\(folder)/\(file.relative)"
            if isNotes, extensionOf[stem] == nil {
                diagnostics.error("annotations without a document: expected \((stem as NSString).lastPathComponent).md or .txt beside it", at: SourceLocation(path: path))
            } else if !isNotes, extensionOf[stem] != "txt" {
                diagnostics.error("sidecar metadata without a document: expected \((stem as NSString).lastPathComponent).txt beside it", at: SourceLocation(path: path))
            }
        }
        return documents.map { document in
            DocumentFiles.file(stem: document.stem, extension: document.extension, root: root, has: names.contains)
        }
    }

    /// `Content/static/` is copied as it is, to the root of the output.
    private func staticFiles(_ diagnostics: inout DiagnosticList) -> [(outputPath: String, source: URL)] {
        let directory = siteDirectory.appendingPathComponent("Content/static")
        return InputFolder(siteDirectory: siteDirectory).files(under: directory, display: "Content/static", recursive: true, &diagnostics)
            .map { (outputPath: $0, source: directory.appendingPathComponent($0)) }
    }
}
