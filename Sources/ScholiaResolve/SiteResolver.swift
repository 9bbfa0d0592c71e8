import Foundation
import ScholiaModel
import ScholiaLoad

/// Turns loaded content into a `Site`: checks cross-references, fills in speakers and topics that have
/// no file, and computes every derived list (documents per speaker, co-speakers, related documents…).
package enum SiteResolver {
    package static func resolve(_ content: LoadedContent, _ diagnostics: inout DiagnosticList) -> Site {
        var seen: [String: SourceLocation] = [:]
        var documents: [Document] = []
        // Where each kept document is in `content.documents`: indices, as a copy of a document retains every field of it.
        var references: [String: Int] = [:]
        // Indices are sorted, not documents: moving a document copies every field of it.
        let byLocation = content.documents.indices.sorted { content.documents[$0].location < content.documents[$1].location }
        for index in byLocation {
            let loaded = content.documents[index]
            let id = loaded.document.id
            if let first = seen[id] {
                diagnostics.error("two documents have the id '\(id)' (the other is \(first.path)); rename one or set 'slug'", at: loaded.location)
                continue
            }
            seen[id] = loaded.location
            documents.append(loaded.document)
            references[id] = index
        }
        let newestFirst = documents.indices.sorted { a, b in
            (documents[a].date.start, documents[b].id) > (documents[b].date.start, documents[a].id)
        }
        documents = newestFirst.map { documents[$0] }

        var speakers = content.speakers
        var topics = content.topics
        for document in documents {
            let loaded = content.documents[references[document.id]!]
            for reference in loaded.speakers {
                speakers[reference.id, default: Speaker(
                    id: reference.id, name: PersonName(splitting: reference.name ?? Identifier.humanize(reference.id)),
                    aliases: [], declaredRoles: [])].documentIDs.append(document.id)
            }
            for reference in loaded.topics {
                topics[reference.id, default: Topic(id: reference.id, title: reference.title ?? Identifier.humanize(reference.id))]
                    .documentIDs.append(document.id)
            }
        }
        // Related documents are worked out on another core while speakers and topics are filled in (both only read
        // the documents, in their final order).
        let ordered = documents
        let related = Concurrent { RelatedDocuments(documents: ordered).all(5) }
        let position = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        /// A speaker's or topic's documents in site order (newest first), without a pass over every document.
        @Sendable func inOrder(_ ids: [String]) -> [Int] { Set(ids).compactMap { position[$0] }.sorted() }
        // Each speaker and topic on its own, on every core: they are independent of one another.
        let filledSpeakers = Array(speakers.values).parallelMap { speaker in
            var speaker = speaker
            fillIn(speaker: &speaker, own: inOrder(speaker.documentIDs), of: ordered)
            return speaker
        }
        let filledTopics = Array(topics.values).parallelMap { topic in
            var topic = topic
            fillIn(topic: &topic, own: inOrder(topic.documentIDs), of: ordered)
            return topic
        }

        let documentIDs = Set(documents.map(\.id))
        var collections: [Collection] = []
        for loaded in content.collections {
            for item in loaded.items where !documentIDs.contains(item.item.documentID) && !content.failedDocumentIDs.contains(item.item.documentID) {
                var message = "the reading list names a document '\(item.item.documentID)' that does not exist"
                if let hint = Suggestion.closest(to: item.item.documentID, in: Array(documentIDs)) { message += "; did you mean '\(hint)'?" }
                diagnostics.error(message, at: item.location)
            }
            collections.append(loaded.collection)
        }
        collections.sort { $0.id < $1.id }

        let speakerIDs = Set(speakers.keys)
        for document in documents {
            AnnotationLinks.check(document.annotations.map(\.annotation), documentIDs: documentIDs, speakerIDs: speakerIDs, &diagnostics)
        }

        let relatedIDs = related.value
        for index in documents.indices { documents[index].relatedIDs = relatedIDs[index] }

        return Site(config: content.config, documents: documents,
                    speakers: Site.inSiteOrder(filledSpeakers), topics: Site.inSiteOrder(filledTopics),
                    collections: collections, staticFiles: content.staticFiles)
    }

    /// Documents (newest first, as `documents` is), roles over time, co-speakers and topics. `own` are indices in `documents`.
    private static func fillIn(speaker: inout Speaker, own: [Int], of documents: [Document]) {
        speaker.documentIDs = own.map { documents[$0].id }
        var coSpeakers: [String: Int] = [:]
        var topicCounts: [String: Int] = [:]
        var roles: [RoleSpan] = []
        // Fields are read in place: a document copied out of the list retains every one of its fields.
        for index in own.reversed() {
            for participant in documents[index].participants where participant.speakerID != speaker.id { coSpeakers[participant.speakerID, default: 0] += 1 }
            for topic in documents[index].topicIDs { topicCounts[topic, default: 0] += 1 }
            guard let role = documents[index].participants.first(where: { $0.speakerID == speaker.id })?.role else { continue }
            let year = PartialDate.displayYear(documents[index].date.year)
            if let last = roles.last, last.title == role {
                roles[roles.count - 1].to = year
            } else {
                roles.append(RoleSpan(title: role, from: year, to: year))
            }
        }
        speaker.documentRoles = roles
        speaker.coSpeakers = ranked(coSpeakers)
        speaker.topics = ranked(topicCounts)
    }

    private static func fillIn(topic: inout Topic, own: [Int], of documents: [Document]) {
        topic.documentIDs = own.map { documents[$0].id }
        var speakerCounts: [String: Int] = [:]
        var topicCounts: [String: Int] = [:]
        for index in own {
            for participant in documents[index].participants { speakerCounts[participant.speakerID, default: 0] += 1 }
            for other in documents[index].topicIDs where other != topic.id { topicCounts[other, default: 0] += 1 }
        }
        topic.frequentSpeakers = Array(ranked(speakerCounts).prefix(10))
        topic.relatedTopics = Array(ranked(topicCounts).prefix(10))
    }

    /// Most frequent first, then by id, so that the order never depends on hashing.
    static func ranked(_ counts: [String: Int]) -> [(id: String, count: Int)] {
        counts.map { (id: $0.key, count: $0.value) }.sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }
}
