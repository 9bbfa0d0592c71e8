import ScholiaModel

/// What a document's page and its downloads are made from, as a fingerprint made without building the page.
/// A build plans every page of the site; building 10,000 page contexts only to find that one changed cost most
/// of a second of CPU. The page shows the document's own fields and these of the rest of the site: the names of its people,
/// the titles of its topics, the related documents and its neighbours as lists show them, and the pages its
/// notes link to. Anything else it shows (settings, templates, styles) is in the build's environment.
extension Fingerprint {
    mutating func addDocumentPageInputs(_ document: Document, _ contexts: PageContexts) {
        let site = contexts.site
        // Every field read from its files, and what that reading depended on (`site.yml`, the labels of the speakers it declares).
        add(document.contentKey)
        // The names as the page, its JSON-LD, its Highwire tags and its CSL item give them: every part.
        add(document.participants.count)
        for participant in document.participants { addName(of: participant.speakerID, site) }
        add(document.topicIDs.count)
        for id in document.topicIDs { add(id); addOptional(site.topic(id)?.title) }
        add(document.relatedIDs.count)
        for id in document.relatedIDs { addListing(id, contexts) }
        let neighbours = site.neighbourIDs(of: document.id)
        addListing(neighbours.earlier, contexts)
        addListing(neighbours.later, contexts)
        // The pages its notes point to, by title, and their tags, which read as topics when there is one.
        let transcript = DocumentPage.transcriptRenderer(contexts)
        for link in document.annotations.compactMap(\.annotation.link) {
            add(link)
            add(transcript.linkTarget(link).map { $0.href + "\n" + $0.title } ?? "")
        }
        for tag in Set(document.annotations.flatMap(\.annotation.tags)).sorted() {
            let target = transcript.tagTarget(tag)
            add(tag + "\n" + (target.href ?? "") + "\n" + target.title)
        }
    }

    /// A speaker's name, or that there is no such speaker.
    private mutating func addName(of id: String, _ site: Site) {
        add(id)
        guard let name = site.speaker(id)?.name else { return add(0) }
        add(1)
        for part in [name.given, name.family, name.particle, name.suffix, name.literal] { addOptional(part) }
    }

    /// The document `id` as a list shows it, or that there is no such document (its `listingKey`, made once per build).
    mutating func addListing(_ id: String?, _ contexts: PageContexts) {
        guard let id, let key = contexts.listingKey(id) else { return add(0) }
        add(1)
        add(key)
    }

    /// A document as a list shows it (`PageContexts.summary`): the fields shown and the names of its people. Not
    /// its `contentKey`: an edit of a document's text must not make the pages that list it again.
    static func listingKey(of document: Document, _ site: Site) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.addListingFields(of: document, site)
        return fingerprint.value
    }

    private mutating func addListingFields(of document: Document, _ site: Site) {
        add(document.id)
        add(document.title)
        add(document.type)
        addOptional(document.summaryHTML)
        for date in [document.date.start, document.date.end] {
            guard let date else { add(0); continue }
            add(1); add(date.year); add(date.month ?? 0); add(date.day ?? 0)
        }
        add(document.date.circa ? 1 : 0)
        add(document.participants.count)
        for participant in document.participants { addName(of: participant.speakerID, site) }
    }

    private mutating func addOptional(_ text: String?) {
        if let text { add(1); add(text) } else { add(0) }
    }
}

extension Site {
    /// The documents whose page shows something of the speakers `speakers` or the topics `topics` (as
    /// `addDocumentPageInputs` reads it): their people's names, their topics' titles, the related documents and
    /// neighbours as lists show them (with their people's names), their notes' links and tags. And, in `listed`, the
    /// documents that lists show with one of those speakers' names.
    package func documentIDs(showing speakers: Set<String>, _ topics: Set<String>) -> (pages: Set<String>, listed: Set<String>) {
        // A document's people are the speakers it declares, whose documents the resolver listed.
        let listed = Set(speakers.flatMap { speaker($0)?.documentIDs ?? [] })
        var pages = listed
        let showing = documents.indices(where: { document in
            document.pointee.relatedIDs.contains(where: listed.contains)
                || (!speakers.isEmpty && document.pointee.annotations.contains { $0.annotation.link.map(speakers.contains) == true })
                // A tag is made an id (`slug`) only when a topic changed: thousands of notes take tens of milliseconds.
                || (!topics.isEmpty && (document.pointee.topicIDs.contains(where: topics.contains)
                    || document.pointee.annotations.contains { $0.annotation.tags.contains { topics.contains(Identifier.slug($0)) } }))
        })
        for index in showing { pages.insert(documents[index].id) }
        // A page shows its neighbours, the documents either side of it: those of a listed document show it.
        for id in listed {
            let neighbours = neighbourIDs(of: id)
            for neighbour in [neighbours.earlier, neighbours.later].compactMap({ $0 }) { pages.insert(neighbour) }
        }
        return (pages, listed)
    }
}
