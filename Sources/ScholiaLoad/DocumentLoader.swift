import Foundation
import Markdown
import ScholiaModel

/// Reads one document: its metadata (front matter or sidecar `.yml`) and its text (Markdown or plain).
struct DocumentLoader: Sendable {
    let config: SiteConfig
    /// Speaker files, for the names and family names that turn labels are matched against.
    let speakerFiles: [String: Speaker]
    /// A fingerprint of the configuration and of Scholia: what reading any document depends on besides its own files
    /// and the speakers it declares (`speakerKey`).
    var environment: UInt64 = 0
    /// Each speaker file's `labelKey`, by id.
    private let labelKeys: [String: UInt64]

    init(config: SiteConfig, speakerFiles: [String: Speaker]) {
        self.config = config
        self.speakerFiles = speakerFiles
        labelKeys = speakerFiles.mapValues(Self.labelKey)
    }

    /// What reading a document takes from the file of a speaker it declares: the name and family name (when the
    /// document gives no name) and the aliases, which turn labels are matched against. Not the biography, roles or
    /// dates, so that editing those reads no document again.
    static func labelKey(_ speaker: Speaker) -> UInt64 {
        var key = Fingerprint("speaker file", speaker.name.display)
        key.add(speaker.name.family ?? "")
        key.add(speaker.name.family == nil ? 0 : 1)
        key.add(speaker.aliases.count)
        for alias in speaker.aliases { key.add(alias) }
        return key.value
    }

    /// A fingerprint of what the speakers a document declares (`ids`, in its order) give its reading, from the
    /// speaker files as they are now: a declared speaker without a file counts too, as a file may come.
    func speakerKey(_ ids: [String]) -> UInt64 {
        var key = Fingerprint("declared speakers")
        key.add(ids.count)
        for id in ids {
            key.add(id)
            if let label = labelKeys[id] { key.add(label); key.add(1) } else { key.add(0); key.add(0) }
        }
        return key.value
    }

    static let keys = ["title", "date", "circa", "type", "speakers", "topics", "summary", "excerpt", "source",
                       "language", "slug", "draft", "citation", "annotations"] + DocumentDetails.keys
    static let speakerKeys = ["id", "name", "role", "label", "labels", "as"]
    /// Written documents: only declared labels start turns in them.
    static let writtenTypes: Set<String> = ["letter", "memorandum", "memo", "telegram", "email", "treaty", "report"]

    /// A document's files, by path: paths as strings, since thousands of URL objects cost more than reading the folder.
    package struct File: Sendable {
        var path: String
        package var displayPath: String
        var sidecar: String?
        var sidecarDisplayPath: String?
        var isPlainText: Bool
        /// `NAME.notes.yml`: annotations kept beside the document, so that its text is never edited.
        var notes: String? = nil
        var notesDisplayPath: String? = nil

        /// The file name without its extension, which gives the document's id.
        var stem: String {
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
    }

    /// The bytes of a document's files, read once, and their fingerprint.
    struct Sources: Sendable {
        var text: Data?
        var sidecar: Data?
        var notes: Data?
        var key: UInt64
    }

    func read(_ file: File) -> Sources {
        let read = { (path: String?) in path.flatMap { FileManager.default.contents(atPath: $0) } }
        var sources = Sources(text: read(file.path), sidecar: read(file.sidecar), notes: read(file.notes), key: 0)
        sources.key = key(file, hashes: [sources.text, sources.sidecar, sources.notes].map { $0.map(FileStamps.hash) })
        return sources
    }

    /// The key `read` would give, from the stamps of the files rather than their bytes when they did not change.
    func key(_ file: File, stamps: FileStamps) -> UInt64 {
        key(file, hashes: [file.path, file.sidecar, file.notes].map { $0.flatMap { stamps.hash(of: $0) } })
    }

    /// A document's `contentKey`: its files (`key`) and what its declared speakers' files give its turns.
    func contentKey(_ key: UInt64, declaring ids: [String]) -> UInt64 {
        var content = Fingerprint()
        content.add(key)
        content.add(speakerKey(ids))
        return content.value
    }

    private func key(_ file: File, hashes: [UInt64?]) -> UInt64 {
        var key = Fingerprint(file.displayPath, file.sidecarDisplayPath ?? "", file.notesDisplayPath ?? "")
        key.add(environment)
        for hash in hashes { key.add(hash ?? 0); key.add(hash == nil ? 0 : 1) }
        return key.value
    }

    /// A document read from `sources`, stored in `cache` with what its reading depended on: its files (`sources.key`), the
    /// speakers it declares and their labels (`speakerKey`). Without `keepsTranscript`, it is returned and stored without one.
    func load(_ file: File, _ sources: Sources, storingIn cache: DocumentCache?, keepsTranscript: Bool = true) -> (LoadedDocument?, DiagnosticList) {
        var declared: [String] = []
        var result = load(file, sources, declaring: &declared)
        if !keepsTranscript { result.0?.document.omitTranscript() }
        cache?.store(result, for: file.displayPath, key: sources.key, speakers: declared, speakerKey: speakerKey(declared))
        return result
    }

    /// A document read, with the ids of the speakers it declares (in `declared`, also when it has errors: they may
    /// come from its turns), whose speaker files' labels are all its reading takes from outside its own files.
    func load(_ file: File, _ sources: Sources, declaring declared: inout [String]) -> (LoadedDocument?, DiagnosticList) {
        var diagnostics = DiagnosticList()
        guard let text = ContentFile.decode(sources.text, displayPath: file.displayPath, &diagnostics),
              let split = FrontMatter.split(text, path: file.displayPath, &diagnostics) else { return (nil, diagnostics) }

        var metadata: YAMLSource
        if let yaml = split.yaml {
            metadata = YAMLSource(path: file.displayPath, text: yaml, lineOffset: 1)
            if let sidecarPath = file.sidecarDisplayPath {
                diagnostics.error("metadata is given twice: in front matter and in \(sidecarPath); keep one",
                                  at: SourceLocation(path: file.displayPath, line: 1, column: 1))
            }
        } else if file.sidecar != nil, let sidecarPath = file.sidecarDisplayPath {
            guard let yaml = ContentFile.decode(sources.sidecar, displayPath: sidecarPath, &diagnostics) else { return (nil, diagnostics) }
            metadata = YAMLSource(path: sidecarPath, text: yaml, lineOffset: 0)
        } else {
            diagnostics.error("a document needs metadata (at least title and date): front matter between '---' lines"
                              + (file.isPlainText ? " or a sidecar .yml file beside it" : ""),
                              at: SourceLocation(path: file.displayPath, line: 1, column: 1))
            return (nil, diagnostics)
        }
        guard let yaml = metadata.parseMapping(&diagnostics, what: "document metadata") else { return (nil, diagnostics) }
        yaml.checkKeys(allowed: Self.keys, in: "document metadata", &diagnostics)

        let title = requiredString("title", yaml, &diagnostics)
        let date = readDate(yaml, &diagnostics)
        var id = Identifier.slug(file.stem)
        if let slug = yaml.string("slug", &diagnostics) {
            if Identifier.isValid(slug) { id = slug } else {
                diagnostics.error("slug '\(slug)' may use only lowercase letters, digits and single hyphens (such as '\(Identifier.slug(slug))')",
                                  at: yaml.valueLocation("slug"))
            }
        }
        if id.isEmpty {
            diagnostics.error("the file name gives no id; rename the file or set 'slug'", at: SourceLocation(path: file.displayPath))
        }
        let speakers = readSpeakers(yaml, &diagnostics)
        declared = speakers.map(\.id)
        let topics = readTopics(yaml, &diagnostics)
        let source = readSource(yaml, &diagnostics)
        let summary = yaml.string("summary", &diagnostics)
        var excerpt: String?
        if let node = yaml.node("excerpt"), let text = YAMLMapping.scalarString(node, key: "excerpt", source: metadata, &diagnostics) {
            switch text.lowercased() {
            case "true", "yes": excerpt = "Excerpt:"
            case "false", "no": excerpt = nil
            default: excerpt = text
            }
        }
        let citation = readCitationOverrides(yaml, &diagnostics)
        let type = yaml.string("type", &diagnostics).map { Identifier.slug($0) } ?? "document"

        let transcript = transcript(split.body, file, speakers: speakers, type: type)

        var annotations = AnnotationReader.read(metadata: yaml, unsafeHTML: config.unsafeHTML, &diagnostics)
        if file.notes != nil, let notesPath = file.notesDisplayPath,
           let text = ContentFile.decode(sources.notes, displayPath: notesPath, &diagnostics) {
            annotations += AnnotationReader.read(notesFile: text, path: notesPath, unsafeHTML: config.unsafeHTML, &diagnostics)
        }
        let anchored = AnnotationAnchorer.anchor(annotations, in: transcript, &diagnostics)

        guard let title, let date, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let summaryDocument = summary.map {
            SummaryMarkdown.parse($0, unsafeHTML: config.unsafeHTML, at: yaml.valueLocation("summary"), &diagnostics)
        }
        let document = Document(
            id: id, sourcePath: file.displayPath, title: title, date: date, type: type,
            participants: speakers.map { Participant(speakerID: $0.id, role: $0.role, participation: $0.participation) },
            topicIDs: topics.map(\.id),
            summaryHTML: summaryDocument?.inlineHTML, summaryText: summaryDocument?.plainText,
            excerpt: excerpt, source: source,
            language: yaml.string("language", &diagnostics),
            isDraft: yaml.bool("draft", &diagnostics) ?? false,
            transcript: transcript, annotations: anchored, citationOverrides: citation, details: DocumentDetails.read(yaml, &diagnostics),
            // The page shows the turns, which the declared speakers' labels divide.
            contentKey: contentKey(sources.key, declaring: declared))
        return (LoadedDocument(document: document, location: SourceLocation(path: file.displayPath, line: 1, column: 1),
                               speakers: speakers, topics: topics), diagnostics)
    }

    /// A document's text divided into turns by the labels of its declared speakers (and of their files), and in a
    /// spoken document by labels that look like one.
    private func transcript(_ body: String, _ file: File, speakers: [SpeakerReference], type: String) -> Transcript {
        let labels = SpeakerLabels(speakers: speakers.map { reference in
            let file = speakerFiles[reference.id]
            let name = reference.name ?? file?.name.display ?? Identifier.humanize(reference.id)
            let family = reference.name.map { PersonName(splitting: $0).family } ?? file?.name.family ?? PersonName(splitting: name).family
            return SpeakerLabels.Speaker(id: reference.id, labels: reference.labels + (file?.aliases ?? []), name: name, familyName: family)
        }, guessesLabels: !Self.writtenTypes.contains(type))
        return file.isPlainText
            ? TranscriptBuilder.plainText(body, labels: labels)
            : TranscriptBuilder.markdown(body, unsafeHTML: config.unsafeHTML, labels: labels)
    }

    /// A document's transcript read again from its file as `load` read it, from what its metadata gave (its declared
    /// speakers, its type) rather than parsing the metadata again; nil if the file can no longer be read.
    func transcript(of file: File, speakers: [SpeakerReference], type: String) -> Transcript? {
        var diagnostics = DiagnosticList()
        guard let text = ContentFile.decode(FileManager.default.contents(atPath: file.path), displayPath: file.displayPath, &diagnostics),
              let split = FrontMatter.split(text, path: file.displayPath, &diagnostics) else { return nil }
        return transcript(split.body, file, speakers: speakers, type: type)
    }

    private func requiredString(_ key: String, _ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> String? {
        guard yaml.has(key) else {
            diagnostics.error("missing required key '\(key)'", at: yaml.location)
            return nil
        }
        guard let value = yaml.string(key, &diagnostics), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            if yaml.node(key)?.scalar != nil { diagnostics.error("'\(key)' is empty", at: yaml.valueLocation(key)) }
            return nil
        }
        return value
    }

    private func readDate(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> DocumentDate? {
        guard let text = requiredString("date", yaml, &diagnostics) else { return nil }
        let circa = yaml.bool("circa", &diagnostics) ?? false
        guard let date = DocumentDate(text, circa: circa) else {
            diagnostics.error("'\(text)' is not a date: use 2013-05-07, 2013-05, 2013 or a range 1945-02-04/1945-02-11",
                              at: yaml.valueLocation("date"))
            return nil
        }
        return date
    }

    private func readSpeakers(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> [SpeakerReference] {
        var references: [SpeakerReference] = []
        for node in yaml.list("speakers") ?? [] {
            let location = yaml.source.location(node.mark)
            if node.scalar != nil {
                guard let id = YAMLMapping.scalarString(node, key: "speakers", source: yaml.source, &diagnostics) else { continue }
                guard Identifier.isValid(id) else {
                    diagnostics.error("speaker id '\(id)' may use only lowercase letters, digits and single hyphens (such as '\(Identifier.slug(id))')", at: location)
                    continue
                }
                references.append(SpeakerReference(id: id, labels: [], participation: .speaker, location: location))
                continue
            }
            guard let map = YAMLMapping.mapping(node, key: "speakers", source: yaml.source, &diagnostics) else { continue }
            map.checkKeys(allowed: Self.speakerKeys, in: "a speaker", &diagnostics)
            let name = map.string("name", &diagnostics)
            var id = map.string("id", &diagnostics) ?? name.map { Identifier.slug($0) } ?? ""
            if id.isEmpty {
                diagnostics.error("a speaker needs an 'id' or a 'name'", at: location)
                continue
            }
            if !Identifier.isValid(id) {
                diagnostics.error("speaker id '\(id)' may use only lowercase letters, digits and single hyphens (such as '\(Identifier.slug(id))')",
                                  at: map.has("id") ? map.valueLocation("id") : location)
                id = ""
            }
            var participation = Participation.speaker
            if let role = map.string("as", &diagnostics) {
                if let known = Participation(rawValue: role) { participation = known } else {
                    var message = "'as' must be one of \(Participation.allCases.map(\.rawValue).joined(separator: ", ")), not '\(role)'"
                    if let hint = Suggestion.closest(to: role, in: Participation.allCases.map(\.rawValue)) { message += "; did you mean '\(hint)'?" }
                    diagnostics.error(message, at: map.valueLocation("as"))
                }
            }
            let labels = (map.has("label") ? map.stringList("label", &diagnostics) : []) + map.stringList("labels", &diagnostics)
            guard !id.isEmpty else { continue }
            references.append(SpeakerReference(id: id, name: name, role: map.string("role", &diagnostics), labels: labels.map(\.0),
                                               participation: participation, location: location))
        }
        return references
    }

    private func readTopics(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> [TopicReference] {
        var seen: Set<String> = []
        return yaml.stringList("topics", &diagnostics).compactMap { text, location in
            let id = Identifier.isValid(text) ? text : Identifier.slug(text)
            guard !id.isEmpty else {
                diagnostics.error("topic '\(text)' gives no id", at: location)
                return nil
            }
            guard seen.insert(id).inserted else { return nil }
            return TopicReference(id: id, title: Identifier.isValid(text) ? nil : text)
        }
    }

    private func readSource(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> SourceInfo {
        guard let map = yaml.mapping("source", &diagnostics) else { return SourceInfo() }
        map.checkKeys(allowed: SourceInfo.keys, in: "source", &diagnostics)
        var source = SourceInfo(publisher: map.string("publisher", &diagnostics), title: map.string("title", &diagnostics),
                                url: map.string("url", &diagnostics), place: map.string("place", &diagnostics),
                                archive: map.string("archive", &diagnostics), archiveLocation: map.string("archive_location", &diagnostics))
        if let url = source.url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            diagnostics.error("source url must start with http:// or https://, not '\(url)'", at: map.valueLocation("url"))
            source.url = nil
        }
        if let accessed = map.string("accessed", &diagnostics) {
            source.accessed = PartialDate(iso: Substring(accessed))
            if source.accessed == nil {
                diagnostics.error("'\(accessed)' is not a date such as 2026-11-29", at: map.valueLocation("accessed"))
            }
        }
        return source
    }

    /// `citation:` replaces fields of the CSL item (`{publisher: …, container-title: …}`).
    private func readCitationOverrides(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> [(String, JSONValue)] {
        guard let map = yaml.mapping("citation", &diagnostics) else { return [] }
        return map.mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            return (name, YAMLJSON.convert(value))
        }
    }
}
