import ScholiaModel
import ScholiaLoad

/// Maps a document, once, to a CSL-JSON item: what the exports contain and what every style renders.
package enum CitationItem {
    /// The CSL type for a Scholia document type, and the genre that says what kind of document it is: the
    /// same label for every document of a type, which the corrected styles print as the manuals describe it
    /// ("Speech, Washington, DC, January 20, 1961"; "[Speech transcript]").
    static func cslType(for type: String) -> (type: String, genre: String?) {
        switch type {
        // Remarks are a speech to the manuals: "Remarks" would repeat most such titles.
        case "speech", "address", "remarks": ("speech", "Speech")
        case "lecture": ("speech", "Lecture")
        case "press-conference", "news-conference", "briefing": ("speech", "Press conference")
        case "debate": ("speech", "Debate")
        case "interview": ("interview", "Interview")
        case "testimony", "hearing": ("hearing", "Testimony")
        // Styles describe a letter themselves ("Letter to Horace Greeley"): a genre would say it twice.
        case "letter": ("personal_communication", nil)
        case "telegram", "email": ("personal_communication", DocumentTypes.label(type))
        case "memorandum", "memo": ("manuscript", "Memorandum")
        case "treaty", "agreement", "charter": ("treaty", nil)
        // A report's title says what it is; its number and issuer follow it.
        case "report": ("report", nil)
        case "statement", "communique", "declaration": ("document", DocumentTypes.label(type))
        default: ("document", nil)
        }
    }

    /// - Parameter name: the name of a speaker id (from the speaker's file or the documents).
    package static func make(for document: Document, config: SiteConfig, url: String, name: (String) -> PersonName?) -> JSONValue {
        let (type, genre) = cslType(for: document.type)
        func people(_ roles: Set<Participation>) -> [PersonName] {
            document.participants.filter { roles.contains($0.participation) }.compactMap { name($0.speakerID) }
        }
        func names(_ roles: Set<Participation>) -> JSONValue? {
            let names = people(roles)
            return names.isEmpty ? nil : .array(names.map(cslName))
        }
        var item: [(String, JSONValue)] = [("id", .string(document.id)), ("type", .string(type))]
        // A letter titled only "Letter to Horace Greeley" is untitled: styles describe it from its recipient
        // (Chicago 14.111, APA's bracketed description), and the title would say it twice.
        if type != "personal_communication" || !isOnlyADescription(document.title, recipients: people([.recipient])) {
            item.append(("title", .string(document.title)))
        }
        if let authors = names([.speaker, .author]) { item.append(("author", authors)) }
        if let recipients = names([.recipient]) { item.append(("recipient", recipients)) }
        // Reporters at a press conference are not the interviewers of an interview: APA would print the genre twice.
        if type == "interview", let interviewers = names([.interviewer]) { item.append(("interviewer", interviewers)) }
        if let translators = names([.translator]) { item.append(("translator", translators)) }
        item.append(("issued", cslDate(document.date)))
        // Styles date a speech by its event (MLA prints "Event, Date, Place"): it is the same day.
        if type == "speech" { item.append(("event-date", cslDate(document.date))) }
        if let genre { item.append(("genre", .string(genre))) }
        // Where the words were spoken or written; `source.place` is where a source was published, which the
        // entry of the site's version does not name.
        if let place = document.details.place { item.append(("event-place", .string(place))) }
        if let issuer = document.details.issuer { item.append(("authority", .string(issuer))) }
        if let number = document.details.number { item.append(("number", .string(number))) }
        // The legal forms (APA ch. 11, Chicago ch. 14), which the corrected styles print when these are given:
        // the hearing is the event the testimony was given at (`event-title`); the Congress and its session
        // are numbers (`collection-number`, and `chapter-number` as Zotero codes a hearing's session); a
        // treaty's parties are its jurisdiction, "U.S.-U.K." (`jurisdiction`), and the series that prints it
        // its collection (`collection-title`).
        let details = document.details
        if let hearing = details.hearing { item.append(("event-title", .string(hearing))) }
        if let congress = details.congress { item.append(("collection-number", .int(congress))) }
        if let session = details.session { item.append(("chapter-number", .int(session))) }
        if !details.parties.isEmpty { item.append(("jurisdiction", .string(details.parties.joined(separator: "-")))) }
        if let series = details.series { item.append(("collection-title", .string(series))) }
        // The reader reads the site's version: the site is the container and its publisher the publisher, not
        // the publisher of the edition the text was taken from (`source`, named on the page).
        item.append(("container-title", .string(config.title)))
        if let publisher = config.publisher, !publisher.isEmpty { item.append(("publisher", .string(publisher))) }
        if let archive = document.source.archive { item.append(("archive", .string(archive))) }
        if let location = document.source.archiveLocation { item.append(("archive_location", .string(location))) }
        item.append(("language", .string(document.language ?? config.language)))
        if let summary = document.summaryText { item.append(("abstract", .string(summary))) }
        item.append(("URL", .string(url)))
        for (key, value) in document.citationOverrides {
            if let index = item.firstIndex(where: { $0.0 == key }) { item[index].1 = value } else { item.append((key, value)) }
        }
        return .object(item)
    }

    /// "Letter to Horace Greeley", "Letter to Greeley": the kind of document and its recipients, nothing more.
    static func isOnlyADescription(_ title: String, recipients: [PersonName]) -> Bool {
        guard !recipients.isEmpty else { return false }
        let folded = title.trimmingCharacters(in: .whitespaces).lowercased()
        let forms = recipients.flatMap { [$0.display, $0.family ?? $0.display] }
        return forms.contains { folded == "letter to " + $0.lowercased() }
    }

    static func cslName(_ name: PersonName) -> JSONValue {
        if let literal = name.literal { return .object([("literal", .string(literal))]) }
        var parts: [(String, JSONValue)] = []
        if let family = name.family { parts.append(("family", .string(family))) }
        if let given = name.given { parts.append(("given", .string(given))) }
        if let particle = name.particle { parts.append(("non-dropping-particle", .string(particle))) }
        if let suffix = name.suffix { parts.append(("suffix", .string(suffix))) }
        return .object(parts)
    }

    static func cslDate(_ date: DocumentDate) -> JSONValue {
        var parts: [JSONValue] = [.array(date.start.cslParts.map { .int($0) })]
        if let end = date.end { parts.append(.array(end.cslParts.map { .int($0) })) }
        var value: [(String, JSONValue)] = [("date-parts", .array(parts))]
        if date.circa { value.append(("circa", .bool(true))) }
        return .object(value)
    }
}

/// Labels for document types: "press-conference" → "Press conference".
enum DocumentTypes {
    package static func label(_ type: String) -> String {
        let words = type.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "Press conferences", "Speeches": the heading of a type's page and its breadcrumb.
    package static func plural(_ type: String) -> String {
        let label = label(type)
        if label.hasSuffix("s") { return label }
        if label.hasSuffix("ch") || label.hasSuffix("sh") || label.hasSuffix("x") { return label + "es" }
        if label.hasSuffix("y"), let before = label.dropLast().last, !"aeiou".contains(before) { return label.dropLast() + "ies" }
        return label + "s"
    }
}
