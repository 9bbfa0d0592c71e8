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

    package init(siteDirectory: URL, includeDrafts: Bool, cache: DocumentCache? = nil, stamps: FileStamps? = nil) {
        self.siteDirectory = siteDirectory
        self.includeDrafts = includeDrafts
        self.cache = cache
        self.stamps = stamps
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
        for (url, path) in files(in: "Content/speakers", extensions: ["md"], &diagnostics) {
            if let speaker = entities.speaker(url, displayPath: path, &diagnostics) { content.speakers[speaker.id] = speaker }
        }
        for (url, path) in files(in: "Content/topics", extensions: ["md"], &diagnostics) {
            if let topic = entities.topic(url, displayPath: path, &diagnostics) { content.topics[topic.id] = topic }
        }
        for (url, path) in files(in: "Content/collections", extensions: ["md"], &diagnostics) {
            if let collection = entities.collection(url, displayPath: path, &diagnostics) { content.collections.append(collection) }
        }

        let documentFiles = documentFileList(&diagnostics)
        if documentFiles.isEmpty {
            diagnostics.error("Content/documents/ has no documents (.md or .txt files)", at: SourceLocation(path: "Content/documents"))
        }
        var loader = DocumentLoader(config: config, speakerFiles: content.speakers)
        loader.environment = documentEnvironment(config)
        let cache = cache, stamps = stamps
        let results = documentFiles.parallelMap { [loader] file in
            let stampedKey = stamps.map { loader.key(file, stamps: $0) }
            if let stampedKey, let known = cache?.result(for: file.displayPath, key: stampedKey) { return known }
            let sources = loader.read(file)
            if stampedKey == nil, let known = cache?.result(for: file.displayPath, key: sources.key) { return known }
            let result = loader.load(file, sources)
            cache?.store(result, for: file.displayPath, key: sources.key)
            return result
        }
        cache?.keep(only: Set(documentFiles.map(\.displayPath)))
        let filesByPath = Dictionary(documentFiles.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        content.transcripts = TranscriptReader(loader: loader, filesByPath: filesByPath)
        for (file, (loaded, found)) in zip(documentFiles, results) {
            diagnostics.append(contentsOf: found)
            if let loaded {
                if includeDrafts || !loaded.document.isDraft { content.documents.append(loaded) }
            } else {
                content.failedDocumentIDs.insert(Identifier.slug(file.url.deletingPathExtension().lastPathComponent))
            }
        }
        content.staticFiles = staticFiles(&diagnostics)
        return (content, diagnostics)
    }

    /// What reading any document depends on besides its own files: the configuration (Markdown options)
    /// and the speaker files (names that turn labels are matched against), and Scholia itself.
    private func documentEnvironment(_ config: SiteConfig) -> UInt64 {
        var key = Fingerprint("scholia", ScholiaVersion.current)
        // Every setting, by name and value (a reflection of the struct, so that a new setting is never forgotten):
        // site.yml is read once, by `SiteConfig.load`.
        key.add(String(reflecting: config))
        let speakers = siteDirectory.appendingPathComponent("Content/speakers")
        for name in FileTree.listFiles(under: speakers.path) {
            key.add(name)
            key.add(FileManager.default.contents(atPath: speakers.appendingPathComponent(name).path) ?? Data())
        }
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
    private func files(in folder: String, extensions: Set<String>, recursive: Bool = false, _ diagnostics: inout DiagnosticList) -> [(URL, String)] {
        let directory = siteDirectory.appendingPathComponent(folder)
        return InputFolder(siteDirectory: siteDirectory).files(under: directory, display: folder, recursive: recursive, &diagnostics).compactMap { relative in
            let url = directory.appendingPathComponent(relative)
            guard extensions.contains(url.pathExtension) else {
                diagnostics.warning("ignored: only \(extensions.sorted().map { "." + $0 }.joined(separator: " and ")) files are read here",
                                    at: SourceLocation(path: "\(folder)/\(relative)"))
                return nil
            }
            return (url, "\(folder)/\(relative)")
        }
    }

    /// Documents, in `Content/documents/` and its subfolders (ids come from file names alone), with their
    /// sidecar files beside them: `NAME.yml` (metadata of a `.txt`) and `NAME.notes.yml` (annotations). A
    /// sidecar without its document is an error, and so is a second document of the same name in a folder.
    private func documentFileList(_ diagnostics: inout DiagnosticList) -> [DocumentLoader.File] {
        let folder = "Content/documents"
        let all = files(in: folder, extensions: ["md", "txt", "yml"], recursive: true, &diagnostics)
            .map { (url: $0.0, path: $0.1, relative: String($0.1.dropFirst(folder.count + 1))) }
        // Sidecars are looked up in the listing: a stat per document costs more than reading the folder.
        let names = Set(all.map(\.relative))
        var extensionOf: [String: String] = [:], duplicated: Set<String> = []
        var documents: [(url: URL, path: String, stem: String)] = []
        for file in all where file.url.pathExtension != "yml" {
            let stem = String(file.relative.dropLast(file.url.pathExtension.count + 1))
            if let other = extensionOf[stem] {
                diagnostics.error("two documents have the id '\(Identifier.slug((stem as NSString).lastPathComponent))' (the other is \(folder)/\(stem).\(other)); rename one",
                                  at: SourceLocation(path: file.path))
                duplicated.insert(stem)
                continue
            }
            extensionOf[stem] = file.url.pathExtension
            documents.append((file.url, file.path, stem))
        }
        for file in all where file.url.pathExtension == "yml" {
            let isNotes = file.relative.hasSuffix(".notes.yml")
            let stem = String(file.relative.dropLast(isNotes ? ".notes.yml".count : ".yml".count))
            // A document that is there but was refused (a link out of the site, say) has its own error.
            let refused = extensionOf[stem] == nil && ["md", "txt"].contains { isPresent("\(folder)/\(stem).\($0)") }
            if duplicated.contains(stem) || refused { continue }
            if isNotes, extensionOf[stem] == nil {
                diagnostics.error("annotations without a document: expected \((stem as NSString).lastPathComponent).md or .txt beside it", at: SourceLocation(path: file.path))
            } else if !isNotes, extensionOf[stem] != "txt" {
                diagnostics.error("sidecar metadata without a document: expected \((stem as NSString).lastPathComponent).txt beside it", at: SourceLocation(path: file.path))
            }
        }
        return documents.map { document in
            let base = document.url.deletingPathExtension()
            let isPlainText = document.url.pathExtension == "txt"
            let hasSidecar = isPlainText && names.contains(document.stem + ".yml")
            let hasNotes = names.contains(document.stem + ".notes.yml")
            return .init(url: document.url, displayPath: document.path, sidecar: hasSidecar ? base.appendingPathExtension("yml") : nil,
                         sidecarDisplayPath: hasSidecar ? "\(folder)/\(document.stem).yml" : nil, isPlainText: isPlainText,
                         notes: hasNotes ? base.appendingPathExtension("notes.yml") : nil,
                         notesDisplayPath: hasNotes ? "\(folder)/\(document.stem).notes.yml" : nil)
        }
    }

    /// `Content/static/` is copied as it is, to the root of the output.
    private func staticFiles(_ diagnostics: inout DiagnosticList) -> [(outputPath: String, source: URL)] {
        let directory = siteDirectory.appendingPathComponent("Content/static")
        return InputFolder(siteDirectory: siteDirectory).files(under: directory, display: "Content/static", recursive: true, &diagnostics)
            .map { (outputPath: $0, source: directory.appendingPathComponent($0)) }
    }
}
