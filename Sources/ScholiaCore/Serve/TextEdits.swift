import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaRender

/// `scholia serve`'s quick path, for the common save: the text of a document changed, and nothing that any other page
/// shows of it (or a speaker's biography, a topic's or a reading list's text, which only their own page shows: that
/// page is planned again alone, and the search index is the last plan's). Loading and resolving the whole site again
/// (a second or more at 10,000 documents) would give the same site but for those documents' own fields, so the last plan is kept and only their pages, and the search index, are
/// planned again. Any other change (another kind of file, a file added or removed, a changed title, date, speaker,
/// topic, summary, note…, a diagnostic) is left to the full plan.
///
/// What may change, and what depends on it: a document's transcript, and its `contentKey` (a fingerprint of its
/// files), are read by its own page and downloads (`SitePages.documentJob`) and by the search index; nothing else
/// shows them (lists show a document's summary, `PageContexts.summary`). Every other field of the document, and what
/// resolving the site takes from it (its speakers' and topics' names when they have no file), must be as before.
struct TextEdits {
    /// What the last good plan was made from.
    struct Base {
        let stamps: InputStamps
        let pages: SitePages
        let planned: PlannedSite
        /// Reads a document again as the last full plan's load did.
        let documents: DocumentReader
    }

    /// The new plan, or nil when `changed` (the input files whose stamps in `stamps` differ from the base's) are not
    /// text edits of documents, speakers or topics (the caller plans in full).
    static func plan(_ base: Base, now stamps: InputStamps, changed: Set<String>, siteDirectory: URL,
                     afterSearchIndex: @escaping @Sendable () -> Void) -> (pages: SitePages, planned: PlannedSite)? {
        guard !stamps.hasLinks, !base.stamps.hasLinks, let index = base.planned.searchIndex else { return nil }
        if changed.isEmpty { return (base.pages, base.planned) }
        // Files that were there and still are, so the listing of the site, and what the load said of it, are as before.
        guard changed.allSatisfy({ base.stamps.stamps[$0] != nil && stamps.stamps[$0] != nil }) else { return nil }
        let entityPaths = changed.filter { path in [speakersFolder, topicsFolder, collectionsFolder].contains { path.hasPrefix($0) } }
        guard let entities = editedEntities(entityPaths, base, siteDirectory: siteDirectory) else { return nil }
        var paths: Set<String> = []
        for path in changed.subtracting(entityPaths) {
            let documents = base.documents.documentPaths(reading: path)
            guard !documents.isEmpty else { return nil }
            paths.formUnion(documents)
        }
        // A document with a warning would need its warnings worked out again.
        let files = Set(paths.flatMap(base.documents.files(of:)))
        guard !base.planned.warnings.contains(where: { files.contains($0.location.path) }) else { return nil }
        guard let site = base.planned.site.replacing(speakers: entities.speakers, topics: entities.topics, collections: entities.collections) else { return nil }
        var loaded: [LoadedDocument] = []
        for path in paths.sorted() {
            guard let (document, diagnostics) = base.documents.read(path), let document, diagnostics.all.isEmpty else { return nil }
            loaded.append(document)
        }
        var edits: [Document] = []
        var replaced: Set<String> = []
        for loaded in loaded {
            guard replaced.insert(loaded.document.id).inserted, let old = site.document(loaded.document.id),
                  old.sourcePath == loaded.document.sourcePath, sameExceptText(loaded.document, old),
                  namesAreResolvedAsBefore(loaded, base.documents, site) else { return nil }
            var document = loaded.document
            document.relatedIDs = old.relatedIDs
            edits.append(document)
        }
        guard let edited = site.replacingDocuments(edits) else { return nil }
        let speakerIDs = entities.speakers.map(\.id), topicIDs = entities.topics.map(\.id), collectionIDs = entities.collections.map(\.id)
        // No document changed: the index, which shows no biography or topic text, is the last plan's, planned or not.
        if edits.isEmpty {
            let (pages, plans) = base.pages.withEdits(edited, documents: [], speakers: speakerIDs, topics: topicIDs, collections: collectionIDs,
                                                      searchMemory: base.pages.searchMemory)
            return (pages, base.planned.replacing(plans, site: edited, searchIndex: index))
        }
        let inherited = InheritedJobs { index.lenders }
        // The index is updated from the last plan's (its state, and its files as made), as a build updates the last build's.
        let lastIndex = base.pages.searchMemory?.next
        let memory = SearchIndexMemory(previous: lastIndex) { path in
            guard let made = inherited.byID[Routes.search + path]?.madeFiles, made.fingerprint != nil, made.fingerprint == lastIndex?.files[path] else { return nil }
            return made.files.first?.data
        }
        let (pages, plans) = base.pages.withEdits(edited, documents: loaded.map(\.document.id), speakers: speakerIDs, topics: topicIDs,
                                                  collections: collectionIDs, searchMemory: memory)
        let searchIndex = DeferredJobs(folder: Routes.search, inherited: inherited) {
            let jobs = pages.searchIndexJobs()
            afterSearchIndex()
            let lenders = inherited.byID
            return jobs.map { JobOutput(SitePages.JobPlan($0), previous: lenders[$0.id]) }
        }
        return (pages, base.planned.replacing(plans, site: edited, searchIndex: searchIndex))
    }

    private static let speakersFolder = "Content/speakers/", topicsFolder = "Content/topics/", collectionsFolder = "Content/collections/"

    /// The speakers, topics and reading lists of the files `paths`, read again, when each differs from the site's only
    /// in what its own page alone shows: a speaker's biography, a topic's or a reading list's text (not a title, summary
    /// or list of documents, which other pages show). Nil for any other change, or a file with a diagnostic now or before.
    private static func editedEntities(_ paths: Set<String>, _ base: Base, siteDirectory: URL)
        -> (speakers: [Speaker], topics: [Topic], collections: [Collection])? {
        var speakers: [Speaker] = [], topics: [Topic] = [], collections: [Collection] = []
        for path in paths.sorted() {
            guard !base.planned.warnings.contains(where: { $0.location.path == path }) else { return nil }
            if path.hasPrefix(speakersFolder) {
                let (speaker, diagnostics) = base.documents.speaker(at: path, siteDirectory: siteDirectory)
                guard let speaker, diagnostics.all.isEmpty, var old = base.planned.site.speaker(speaker.id), old.sourcePath == path else { return nil }
                old.biographyHTML = speaker.biographyHTML
                guard sameLoadedFields(speaker, old, resolved: speakerResolvedFields) else { return nil }
                speakers.append(old)
            } else if path.hasPrefix(collectionsFolder) {
                let (collection, diagnostics) = base.documents.collection(at: path, siteDirectory: siteDirectory)
                guard let collection, diagnostics.all.isEmpty,
                      var old = base.planned.site.collections.first(where: { $0.id == collection.id }), old.sourcePath == path else { return nil }
                old.bodyHTML = collection.bodyHTML
                guard sameLoadedFields(collection, old, resolved: []) else { return nil }
                collections.append(old)
            } else {
                let (topic, diagnostics) = base.documents.topic(at: path, siteDirectory: siteDirectory)
                guard let topic, diagnostics.all.isEmpty, var old = base.planned.site.topic(topic.id), old.sourcePath == path else { return nil }
                old.bodyHTML = topic.bodyHTML
                guard sameLoadedFields(topic, old, resolved: topicResolvedFields) else { return nil }
                topics.append(old)
            }
        }
        return (speakers, topics, collections)
    }

    /// The fields the resolver fills in (from the documents), which a file does not give.
    private static let speakerResolvedFields: Set<String> = ["documentIDs", "documentRoles", "coSpeakers", "topics"]
    private static let topicResolvedFields: Set<String> = ["documentIDs", "frequentSpeakers", "relatedTopics"]

    /// Whether every field a file gives is the same in both, compared by reflection so that a field added is compared too.
    private static func sameLoadedFields<T>(_ new: T, _ old: T, resolved: Set<String>) -> Bool {
        for (a, b) in zip(Mirror(reflecting: new).children, Mirror(reflecting: old).children) {
            guard a.label == b.label else { return false }
            if let label = a.label, resolved.contains(label) { continue }
            guard String(reflecting: a.value) == String(reflecting: b.value) else { return false }
        }
        return true
    }

    /// Fields compared by reflection, so that a field added to `Document` is compared too.
    private static let textFields: Set<String> = ["transcript", "contentKey", "transcriptIsOmitted", "relatedIDs"]

    static func sameExceptText(_ new: Document, _ old: Document) -> Bool {
        let newFields = Array(Mirror(reflecting: new).children), oldFields = Array(Mirror(reflecting: old).children)
        guard newFields.count == oldFields.count else { return false }
        for (a, b) in zip(newFields, oldFields) {
            guard a.label == b.label else { return false }
            if let label = a.label, textFields.contains(label) { continue }
            guard String(reflecting: a.value) == String(reflecting: b.value) else { return false }
        }
        return true
    }

    /// A speaker or topic without a file is named by the first document that names it (`SiteResolver`): the site must
    /// already have the name this document gives, or the one made from its id when it gives none.
    static func namesAreResolvedAsBefore(_ loaded: LoadedDocument, _ reader: DocumentReader, _ site: Site) -> Bool {
        for reference in loaded.speakers where !reader.speakerFileIDs.contains(reference.id) {
            let name = PersonName(splitting: reference.name ?? Identifier.humanize(reference.id))
            guard let speaker = site.speaker(reference.id), String(reflecting: speaker.name) == String(reflecting: name) else { return false }
        }
        for reference in loaded.topics where !reader.topicFileIDs.contains(reference.id) {
            guard let topic = site.topic(reference.id), topic.title == reference.title ?? Identifier.humanize(reference.id) else { return false }
        }
        return true
    }
}
