import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaRender

/// `scholia serve`'s quick path, for the common saves: the text of a document changed, and nothing that any other page
/// shows of it; or a speaker's, topic's or reading list's file changed. Loading and resolving the whole site again (a
/// second or more at 10,000 documents) would give the same site but for those files' own fields, so the last plan is
/// kept and only the pages that can show the change are planned again:
///
/// - a document's text: its page and downloads (`SitePages.documentJob`) and the search index. Nothing else shows it
///   (lists show a document's summary, `PageContexts.summary`); every other field of the document, and what resolving
///   the site takes from it (its speakers' and topics' names when they have no file), must be as before.
/// - a biography, a topic's or a reading list's text: that page alone.
/// - a speaker's name, roles or dates, a topic's title or summary: every page that is not a document's (lists, cheap to
///   plan) and the pages of the documents that show it (`Site.documentIDs(showing:)`), and the search index. A new name
///   or aliases change the turns of the documents that declare the speaker: they are read again.
///
/// Any other change (another kind of file, a file added or removed, a document's title, date, speakers, topics,
/// summary, notes…, a reading list's documents, a diagnostic) is left to the full plan. Whatever is planned again takes
/// the last plan's files when its fingerprint is the same.
struct TextEdits {
    /// What the last good plan was made from.
    struct Base {
        let stamps: InputStamps
        let pages: SitePages
        let planned: PlannedSite
        /// Reads a document again as the last full plan's load did.
        let documents: DocumentReader
    }

    /// The new plan, and the reader of the documents as they now are, or nil when `changed` (the input files whose stamps
    /// in `stamps` differ from the base's) are not edits of documents' text or of speaker, topic or reading list files
    /// (the caller plans in full). The documents read again are stored in `documentCache`, for the next full plan.
    static func plan(_ base: Base, now stamps: InputStamps, changed: Set<String>, siteDirectory: URL, documentCache: DocumentCache? = nil,
                     afterSearchIndex: @escaping @Sendable () -> Void) -> (pages: SitePages, planned: PlannedSite, documents: DocumentReader)? {
        guard !stamps.hasLinks, !base.stamps.hasLinks, let index = base.planned.searchIndex else { return nil }
        if changed.isEmpty { return (base.pages, base.planned, base.documents) }
        // Files that were there and still are, so the listing of the site, and what the load said of it, are as before.
        guard changed.allSatisfy({ base.stamps.stamps[$0] != nil && stamps.stamps[$0] != nil }) else { return nil }
        let entityPaths = changed.filter { path in [speakersFolder, topicsFolder, collectionsFolder].contains { path.hasPrefix($0) } }
        guard let entities = editedEntities(entityPaths, base, siteDirectory: siteDirectory),
              let site = base.planned.site.replacing(speakers: entities.speakers, topics: entities.topics, collections: entities.collections)
        else { return nil }
        // A speaker's new name or aliases change the turns of the documents that declare it: they are read again with its file.
        let reader = entities.relabelled.isEmpty ? base.documents : base.documents.replacingSpeakerFiles(entities.relabelled)
        var paths: Set<String> = []
        for speaker in entities.relabelled {
            for id in site.speaker(speaker.id)?.documentIDs ?? [] {
                guard let path = site.document(id)?.sourcePath else { return nil }
                paths.insert(path)
            }
        }
        for path in changed.subtracting(entityPaths) {
            let documents = reader.documentPaths(reading: path)
            guard !documents.isEmpty else { return nil }
            paths.formUnion(documents)
        }
        // A document with a warning would need its warnings worked out again.
        let files = Set(paths.flatMap(reader.files(of:)))
        guard !base.planned.warnings.contains(where: { files.contains($0.location.path) }) else { return nil }
        let loaded = paths.sorted().parallelMap { reader.read($0, storingIn: documentCache) }
        var edits: [Document] = []
        var replaced: Set<String> = []
        for result in loaded {
            guard let (loaded, diagnostics) = result, let loaded, diagnostics.all.isEmpty,
                  replaced.insert(loaded.document.id).inserted, let old = site.document(loaded.document.id),
                  old.sourcePath == loaded.document.sourcePath, sameExceptText(loaded.document, old),
                  namesAreResolvedAsBefore(loaded, reader, site) else { return nil }
            var document = loaded.document
            document.relatedIDs = old.relatedIDs
            edits.append(document)
        }
        guard let edited = site.replacingDocuments(edits) else { return nil }
        let speakerIDs = entities.speakers.map(\.id), topicIDs = entities.topics.map(\.id), collectionIDs = entities.collections.map(\.id)
        // A name or title that lists show: every list is planned again, with the pages of the documents that show it.
        let everyList = !entities.shownElsewhere.speakers.isEmpty || !entities.shownElsewhere.topics.isEmpty
        let shown: (pages: Set<String>, listed: Set<String>) = everyList
            ? edited.documentIDs(showing: entities.shownElsewhere.speakers, entities.shownElsewhere.topics) : ([], [])
        let documentIDs = Array(replaced.union(shown.pages)).sorted()
        // No document changed: the index, which shows no biography or topic text, is the last plan's, planned or not.
        if edits.isEmpty && !everyList {
            let (pages, plans) = base.pages.withEdits(edited, documents: [], speakers: speakerIDs, topics: topicIDs, collections: collectionIDs,
                                                      searchMemory: base.pages.searchMemory)
            return (pages, base.planned.replacing(plans, site: edited, searchIndex: index), reader)
        }
        let inherited = InheritedJobs { index.lenders }
        // The index is updated from the last plan's (its state, and its files as made), as a build updates the last build's.
        let lastIndex = base.pages.searchMemory?.next
        let memory = SearchIndexMemory(previous: lastIndex) { path in
            guard let made = inherited.byID[Routes.search + path]?.madeFiles, made.fingerprint != nil, made.fingerprint == lastIndex?.files[path] else { return nil }
            return made.files.first?.data
        }
        let (pages, plans) = base.pages.withEdits(edited, documents: documentIDs, speakers: speakerIDs, topics: topicIDs, collections: collectionIDs,
                                                  everyList: everyList, relisted: shown.listed, searchMemory: memory)
        let searchIndex = DeferredJobs(folder: Routes.search, inherited: inherited) {
            let jobs = pages.searchIndexJobs()
            afterSearchIndex()
            let lenders = inherited.byID
            return jobs.map { JobOutput(SitePages.JobPlan($0), previous: lenders[$0.id]) }
        }
        return (pages, base.planned.replacing(plans, site: edited, searchIndex: searchIndex), reader)
    }

    private static let speakersFolder = "Content/speakers/", topicsFolder = "Content/topics/", collectionsFolder = "Content/collections/"

    /// The speakers, topics and reading lists of the files `paths`, read again.
    private struct EditedEntities {
        var speakers: [Speaker] = [], topics: [Topic] = [], collections: [Collection] = []
        /// Those changed in more than what their own page alone shows (a biography, a topic's text): a name, a title,
        /// aliases, roles, dates, which lists and documents' pages show.
        var shownElsewhere: (speakers: Set<String>, topics: Set<String>) = ([], [])
        /// The speaker files (as read) that the documents declaring them would be read differently with.
        var relabelled: [Speaker] = []
    }

    /// The speakers, topics and reading lists of the files `paths`, read again, each with the fields the resolver fills in
    /// (from the documents) as they were; nil for a file with a diagnostic now or before, or a reading list changed in more
    /// than its text (its documents, their notes, its title, which the search index and the lists show).
    private static func editedEntities(_ paths: Set<String>, _ base: Base, siteDirectory: URL) -> EditedEntities? {
        var edited = EditedEntities()
        let site = base.planned.site
        for path in paths.sorted() {
            guard !base.planned.warnings.contains(where: { $0.location.path == path }) else { return nil }
            if path.hasPrefix(speakersFolder) {
                let (speaker, diagnostics) = base.documents.speaker(at: path, siteDirectory: siteDirectory)
                guard var speaker, diagnostics.all.isEmpty, let old = site.speaker(speaker.id), old.sourcePath == path else { return nil }
                var biographyOnly = old
                biographyOnly.biographyHTML = speaker.biographyHTML
                if !sameLoadedFields(speaker, biographyOnly, resolved: speakerResolvedFields) { edited.shownElsewhere.speakers.insert(speaker.id) }
                if base.documents.readsDifferently(with: speaker) { edited.relabelled.append(speaker) }
                (speaker.documentIDs, speaker.documentRoles, speaker.coSpeakers, speaker.topics) = (old.documentIDs, old.documentRoles, old.coSpeakers, old.topics)
                edited.speakers.append(speaker)
            } else if path.hasPrefix(collectionsFolder) {
                let (collection, diagnostics) = base.documents.collection(at: path, siteDirectory: siteDirectory)
                guard let collection, diagnostics.all.isEmpty,
                      var old = site.collections.first(where: { $0.id == collection.id }), old.sourcePath == path else { return nil }
                old.bodyHTML = collection.bodyHTML
                guard sameLoadedFields(collection, old, resolved: []) else { return nil }
                edited.collections.append(old)
            } else {
                let (topic, diagnostics) = base.documents.topic(at: path, siteDirectory: siteDirectory)
                guard var topic, diagnostics.all.isEmpty, let old = site.topic(topic.id), old.sourcePath == path else { return nil }
                var textOnly = old
                textOnly.bodyHTML = topic.bodyHTML
                if !sameLoadedFields(topic, textOnly, resolved: topicResolvedFields) { edited.shownElsewhere.topics.insert(topic.id) }
                (topic.documentIDs, topic.frequentSpeakers, topic.relatedTopics) = (old.documentIDs, old.frequentSpeakers, old.relatedTopics)
                edited.topics.append(topic)
            }
        }
        return edited
    }

    /// The fields the resolver fills in (from the documents), which a file does not give.
    private static let speakerResolvedFields: Set<String> = ["documentIDs", "documentRoles", "coSpeakers", "topics"]
    private static let topicResolvedFields: Set<String> = ["documentIDs", "frequentSpeakers", "relatedTopics"]

    /// Whether every field a file gives is the same in both, compared by reflection so that a field added is compared too.
    private static func sameLoadedFields<T>(_ new: T, _ old: T, resolved: Set<String>) -> Bool {
        for (a, b) in zip(Mirror(reflecting: new).children, Mirror(reflecting: old).children) {
            guard a.label == b.label else { return false }
            if let label = a.label, resolved.contains(label) { continue }
            guard same(a.value, b.value) else { return false }
        }
        return true
    }

    /// Whether two values of one field are the same: by `==` when the field's type has it (the model's types do, and
    /// it is their every stored property), else by their full descriptions. Describing a document's notes and details
    /// took most of a speaker rename's check of the 20 documents that declare the speaker (20 ms at 10,000 documents).
    static func same(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? any Equatable { return a.isEqual(to: b) }
        return String(reflecting: a) == String(reflecting: b)
    }

    /// Fields compared by reflection, so that a field added to `Document` is compared too.
    private static let textFields: Set<String> = ["transcript", "contentKey", "transcriptIsOmitted", "relatedIDs"]

    static func sameExceptText(_ new: Document, _ old: Document) -> Bool {
        let newFields = Array(Mirror(reflecting: new).children), oldFields = Array(Mirror(reflecting: old).children)
        guard newFields.count == oldFields.count else { return false }
        for (a, b) in zip(newFields, oldFields) {
            guard a.label == b.label else { return false }
            if let label = a.label, textFields.contains(label) { continue }
            guard same(a.value, b.value) else { return false }
        }
        return true
    }

    /// A speaker or topic without a file is named by the first document that names it (`SiteResolver`): the site must
    /// already have the name this document gives, or the one made from its id when it gives none.
    static func namesAreResolvedAsBefore(_ loaded: LoadedDocument, _ reader: DocumentReader, _ site: Site) -> Bool {
        for reference in loaded.speakers where !reader.speakerFileIDs.contains(reference.id) {
            let name = PersonName(splitting: reference.name ?? Identifier.humanize(reference.id))
            guard let speaker = site.speaker(reference.id), speaker.name == name else { return false }
        }
        for reference in loaded.topics where !reader.topicFileIDs.contains(reference.id) {
            guard let topic = site.topic(reference.id), topic.title == reference.title ?? Identifier.humanize(reference.id) else { return false }
        }
        return true
    }
}

private extension Equatable {
    func isEqual(to other: Any) -> Bool { (other as? Self).map { $0 == self } ?? false }
}
