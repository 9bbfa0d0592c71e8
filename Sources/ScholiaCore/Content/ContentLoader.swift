import Foundation

/// Reads a site folder: `site.yml`, `Content/` (documents, speakers, topics, collections, static).
struct ContentLoader {
    let siteDirectory: URL
    let includeDrafts: Bool
    /// Documents read by an earlier build, reused when their files and environment are unchanged.
    var cache: DocumentCache? = nil

    func load() -> (LoadedContent, DiagnosticList) {
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
        loader.environment = documentEnvironment()
        let cache = cache
        let results = documentFiles.parallelMap { [loader] file in
            let sources = loader.read(file)
            if let known = cache?.result(for: file.displayPath, key: sources.key) { return known }
            let result = loader.load(file, sources)
            cache?.store(result, for: file.displayPath, key: sources.key)
            return result
        }
        cache?.keep(only: Set(documentFiles.map(\.displayPath)))
        let filesByPath = Dictionary(documentFiles.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        content.rereadTranscript = { [loader] path in filesByPath[path].flatMap { loader.load($0).0?.document.transcript } }
        for (file, (loaded, found)) in zip(documentFiles, results) {
            diagnostics.append(contentsOf: found)
            if let loaded {
                if includeDrafts || !loaded.document.isDraft { content.documents.append(loaded) }
            } else {
                content.failedDocumentIDs.insert(Identifier.slug(file.url.deletingPathExtension().lastPathComponent))
            }
        }
        content.staticFiles = staticFiles()
        return (content, diagnostics)
    }

    /// What reading any document depends on besides its own files: the configuration (Markdown options)
    /// and the speaker files (names that turn labels are matched against), and Scholia itself.
    private func documentEnvironment() -> UInt64 {
        var key = Fingerprint("scholia", ScholiaVersion.current)
        key.add(FileManager.default.contents(atPath: siteDirectory.appendingPathComponent("site.yml").path) ?? Data())
        let speakers = siteDirectory.appendingPathComponent("Content/speakers")
        for name in POSIXFiles.listFiles(under: speakers.path) {
            key.add(name)
            key.add(FileManager.default.contents(atPath: speakers.appendingPathComponent(name).path) ?? Data())
        }
        return key.value
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The files of one content folder with the given extensions, sorted; others are reported.
    private func files(in folder: String, extensions: Set<String>, _ diagnostics: inout DiagnosticList) -> [(URL, String)] {
        let directory = siteDirectory.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let url = directory.appendingPathComponent(name)
            guard extensions.contains(url.pathExtension) else {
                if !isDirectory(url) {
                    diagnostics.warning("ignored: only \(extensions.sorted().map { "." + $0 }.joined(separator: " and ")) files are read here",
                                        at: SourceLocation(path: "\(folder)/\(name)"))
                }
                return nil
            }
            return (url, "\(folder)/\(name)")
        }
    }

    /// Documents with their sidecar files: `NAME.yml` (metadata of a `.txt`) and `NAME.notes.yml`
    /// (annotations); a sidecar without its document is an error.
    private func documentFileList(_ diagnostics: inout DiagnosticList) -> [DocumentLoader.File] {
        let all = files(in: "Content/documents", extensions: ["md", "txt", "yml"], &diagnostics)
        // Sidecars are looked up in the listing: a stat per document costs more than reading the folder.
        let names = Set(all.map { $0.0.lastPathComponent })
        let documents = all.filter { $0.0.pathExtension != "yml" }
        let stems = Dictionary(documents.map { ($0.0.deletingPathExtension().lastPathComponent, $0.0.pathExtension) }, uniquingKeysWith: { a, _ in a })
        var result: [DocumentLoader.File] = []
        for (url, path) in all where url.pathExtension == "yml" {
            let name = url.lastPathComponent
            if name.hasSuffix(".notes.yml") {
                let stem = String(name.dropLast(".notes.yml".count))
                if stems[stem] == nil {
                    diagnostics.error("annotations without a document: expected \(stem).md or \(stem).txt beside it", at: SourceLocation(path: path))
                }
            } else if stems[url.deletingPathExtension().lastPathComponent] != "txt" {
                diagnostics.error("sidecar metadata without a document: expected \(url.deletingPathExtension().lastPathComponent).txt beside it",
                                  at: SourceLocation(path: path))
            }
        }
        for (url, path) in documents {
            let stem = url.deletingPathExtension().lastPathComponent
            let folder = url.deletingLastPathComponent()
            let sidecar = folder.appendingPathComponent(stem + ".yml")
            let notes = folder.appendingPathComponent(stem + ".notes.yml")
            let isPlainText = url.pathExtension == "txt"
            let hasSidecar = isPlainText && names.contains(stem + ".yml")
            let hasNotes = names.contains(stem + ".notes.yml")
            result.append(.init(url: url, displayPath: path, sidecar: hasSidecar ? sidecar : nil,
                                sidecarDisplayPath: hasSidecar ? "Content/documents/\(stem).yml" : nil, isPlainText: isPlainText,
                                notes: hasNotes ? notes : nil, notesDisplayPath: hasNotes ? "Content/documents/\(stem).notes.yml" : nil))
        }
        return result
    }

    /// `Content/static/` is copied as it is, to the root of the output.
    private func staticFiles() -> [(outputPath: String, source: URL)] {
        let directory = siteDirectory.appendingPathComponent("Content/static")
        return FileTree.files(under: directory).map { (outputPath: $0, source: directory.appendingPathComponent($0)) }
    }
}

/// Lists the regular files below a folder as sorted relative paths (hidden files skipped).
enum FileTree {
    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }
}
