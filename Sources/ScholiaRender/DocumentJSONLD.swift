import ScholiaModel
import ScholiaLoad

/// The document page's schema.org description, as JSON-LD in a `<script>` element: what search engines
/// read (reference managers read the Highwire tags). Its strings are escaped by `JSONValue`, which writes
/// `<`, `>` and `&` as `\u003c`…, so that no title can close the element.
enum DocumentJSONLD {
    static func make(_ document: Document, _ contexts: PageContexts, url: String) -> JSONValue {
        let site = contexts.site
        let routes = contexts.routes
        let type = schemaType(document.type)
        var fields: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string(type)), ("@id", .string(url)), ("url", .string(url)),
            ("name", .string(document.title)), ("genre", .string(DocumentTypes.label(document.type))),
            ("dateCreated", .string(document.date.start.iso)), ("inLanguage", .string(document.language ?? site.config.language)),
        ]
        if let summary = document.summaryText { fields.append(("description", .string(summary))) }
        func people(_ roles: Set<Participation>) -> JSONValue? {
            let people: [JSONValue] = document.participants.filter { roles.contains($0.participation) }.compactMap { participant in
                guard let speaker = site.speaker(participant.speakerID) else { return nil }
                return .object([("@type", .string(speaker.name.literal == nil ? "Person" : "Organization")),
                                ("name", .string(speaker.name.display)), ("url", .string(routes.absolute(Routes.speaker(speaker.id))))])
            }
            return people.isEmpty ? nil : .array(people)
        }
        if let authors = people([.speaker, .author]) { fields.append(("author", authors)) }
        if let contributors = people([.presider, .moderator, .interviewer]) { fields.append(("contributor", contributors)) }
        if let translators = people([.translator]) { fields.append(("translator", translators)) }
        // `recipient` belongs to Message only.
        if type == "Message", let recipients = people([.recipient]) { fields.append(("recipient", recipients)) }
        let topics: [JSONValue] = document.topicIDs.compactMap { id in
            site.topic(id).map { .object([("@type", .string("Thing")), ("name", .string($0.title)), ("url", .string(routes.absolute(Routes.topic(id))))]) }
        }
        if !topics.isEmpty { fields.append(("about", .array(topics))) }
        if let publisher = document.source.publisher ?? site.config.publisher {
            fields.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(publisher))])))
        }
        if let source = document.source.url { fields.append(("isBasedOn", .string(source))) }
        fields.append(("isPartOf", .object([("@type", .string("WebSite")), ("name", .string(site.config.title)),
                                            ("url", .string(routes.absolute(Routes.home)))])))
        return .object(fields)
    }

    /// schema.org has no Speech or Transcript type: spoken words are a CreativeWork with a genre, exchanges a
    /// Conversation, letters a Message, treaties Legislation (a legal document), reports a Report.
    static func schemaType(_ type: String) -> String {
        switch type {
        case "interview", "debate", "press-conference", "news-conference", "briefing": "Conversation"
        case "letter", "telegram", "email", "memorandum", "memo": "Message"
        case "treaty", "agreement", "charter": "Legislation"
        case "report": "Report"
        default: "CreativeWork"
        }
    }
}
