import ScholiaModel

/// Speakers and topics as the site snapshot keeps them (`SiteSnapshot`): every field, the resolved ones included.
/// Written out because their counts are tuples, which `Codable` cannot give.
private struct Count: Codable {
    var id: String
    var count: Int
}

private func counts(_ list: [(id: String, count: Int)]) -> [Count] { list.map { Count(id: $0.id, count: $0.count) } }
private func tuples(_ list: [Count]) -> [(id: String, count: Int)] { list.map { ($0.id, $0.count) } }

extension Speaker: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, aliases, born, died, declaredRoles, biographyHTML, sourcePath, documentIDs, documentRoles, coSpeakers, topics
    }

    package init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try values.decode(String.self, forKey: .id), name: try values.decode(PersonName.self, forKey: .name),
                  aliases: try values.decode([String].self, forKey: .aliases), born: try values.decodeIfPresent(String.self, forKey: .born),
                  died: try values.decodeIfPresent(String.self, forKey: .died), declaredRoles: try values.decode([RoleSpan].self, forKey: .declaredRoles),
                  biographyHTML: try values.decodeIfPresent(String.self, forKey: .biographyHTML),
                  sourcePath: try values.decodeIfPresent(String.self, forKey: .sourcePath),
                  documentIDs: try values.decode([String].self, forKey: .documentIDs),
                  documentRoles: try values.decode([RoleSpan].self, forKey: .documentRoles),
                  coSpeakers: tuples(try values.decode([Count].self, forKey: .coSpeakers)), topics: tuples(try values.decode([Count].self, forKey: .topics)))
    }

    package func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(name, forKey: .name)
        try values.encode(aliases, forKey: .aliases)
        try values.encodeIfPresent(born, forKey: .born)
        try values.encodeIfPresent(died, forKey: .died)
        try values.encode(declaredRoles, forKey: .declaredRoles)
        try values.encodeIfPresent(biographyHTML, forKey: .biographyHTML)
        try values.encodeIfPresent(sourcePath, forKey: .sourcePath)
        try values.encode(documentIDs, forKey: .documentIDs)
        try values.encode(documentRoles, forKey: .documentRoles)
        try values.encode(counts(coSpeakers), forKey: .coSpeakers)
        try values.encode(counts(topics), forKey: .topics)
    }
}

extension Topic: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, title, summaryHTML, bodyHTML, sourcePath, documentIDs, frequentSpeakers, relatedTopics
    }

    package init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try values.decode(String.self, forKey: .id), title: try values.decode(String.self, forKey: .title),
                  summaryHTML: try values.decodeIfPresent(String.self, forKey: .summaryHTML),
                  bodyHTML: try values.decodeIfPresent(String.self, forKey: .bodyHTML),
                  sourcePath: try values.decodeIfPresent(String.self, forKey: .sourcePath),
                  documentIDs: try values.decode([String].self, forKey: .documentIDs),
                  frequentSpeakers: tuples(try values.decode([Count].self, forKey: .frequentSpeakers)),
                  relatedTopics: tuples(try values.decode([Count].self, forKey: .relatedTopics)))
    }

    package func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(title, forKey: .title)
        try values.encodeIfPresent(summaryHTML, forKey: .summaryHTML)
        try values.encodeIfPresent(bodyHTML, forKey: .bodyHTML)
        try values.encodeIfPresent(sourcePath, forKey: .sourcePath)
        try values.encode(documentIDs, forKey: .documentIDs)
        try values.encode(counts(frequentSpeakers), forKey: .frequentSpeakers)
        try values.encode(counts(relatedTopics), forKey: .relatedTopics)
    }
}

/// Speakers and topics read straight from the snapshot's bytes, as `Codable` would read them (a test compares the two):
/// their lists of documents make them most of the snapshot's head.
extension CompactReader {
    func speaker(at position: Int) throws -> Speaker {
        var speaker = Speaker(id: "", name: PersonName(), aliases: [], declaredRoles: [])
        var id: String?, name: PersonName?
        try fields(at: position) { field, at in
            switch field {
            case "id": id = try string(at: at)
            case "name": name = try personName(at: at)
            case "aliases": speaker.aliases = try strings(at: at)
            case "born": speaker.born = try optionalString(at: at)
            case "died": speaker.died = try optionalString(at: at)
            case "declaredRoles": speaker.declaredRoles = try elements(at: at).map { try roleSpan(at: $0) }
            case "biographyHTML": speaker.biographyHTML = try optionalString(at: at)
            case "sourcePath": speaker.sourcePath = try optionalString(at: at)
            case "documentIDs": speaker.documentIDs = try strings(at: at)
            case "documentRoles": speaker.documentRoles = try elements(at: at).map { try roleSpan(at: $0) }
            case "coSpeakers": speaker.coSpeakers = try counts(at: at)
            case "topics": speaker.topics = try counts(at: at)
            default: break
            }
        }
        (speaker.id, speaker.name) = (try required(id, "id"), try required(name, "name"))
        return speaker
    }

    func topic(at position: Int) throws -> Topic {
        var topic = Topic(id: "", title: "")
        var id: String?, title: String?
        try fields(at: position) { field, at in
            switch field {
            case "id": id = try string(at: at)
            case "title": title = try string(at: at)
            case "summaryHTML": topic.summaryHTML = try optionalString(at: at)
            case "bodyHTML": topic.bodyHTML = try optionalString(at: at)
            case "sourcePath": topic.sourcePath = try optionalString(at: at)
            case "documentIDs": topic.documentIDs = try strings(at: at)
            case "frequentSpeakers": topic.frequentSpeakers = try counts(at: at)
            case "relatedTopics": topic.relatedTopics = try counts(at: at)
            default: break
            }
        }
        (topic.id, topic.title) = (try required(id, "id"), try required(title, "title"))
        return topic
    }

    private func personName(at position: Int) throws -> PersonName {
        var name = PersonName()
        try fields(at: position) { field, at in
            switch field {
            case "given": name.given = try optionalString(at: at)
            case "family": name.family = try optionalString(at: at)
            case "particle": name.particle = try optionalString(at: at)
            case "suffix": name.suffix = try optionalString(at: at)
            case "literal": name.literal = try optionalString(at: at)
            default: break
            }
        }
        return name
    }

    private func roleSpan(at position: Int) throws -> RoleSpan {
        var title: String?, from: String?, to: String?
        try fields(at: position) { field, at in
            switch field {
            case "title": title = try string(at: at)
            case "from": from = try optionalString(at: at)
            case "to": to = try optionalString(at: at)
            default: break
            }
        }
        return RoleSpan(title: try required(title, "title"), from: from, to: to)
    }

    private func counts(at position: Int) throws -> [(id: String, count: Int)] {
        try elements(at: position).map { element in
            var id: String?, count: Int?
            try fields(at: element) { field, at in
                switch field {
                case "id": id = try string(at: at)
                case "count": count = try integer(Int.self, at: at)
                default: break
                }
            }
            return (try required(id, "id"), try required(count, "count"))
        }
    }
}
