/// How a person took part in a document.
package enum Participation: String, Sendable, CaseIterable, Codable {
    case speaker, presider, moderator, interviewer, author, recipient, translator

    /// The heading of the group on the document page.
    package var groupTitle: (one: String, many: String) {
        switch self {
        case .speaker: ("Speaker", "Speakers")
        case .presider: ("Presider", "Presiders")
        case .moderator: ("Moderator", "Moderators")
        case .interviewer: ("Interviewer", "Interviewers")
        case .author: ("Author", "Authors")
        case .recipient: ("Recipient", "Recipients")
        case .translator: ("Translator", "Translators")
        }
    }
}

/// Where a document's text comes from.
package struct SourceInfo: Sendable, Hashable, Codable {
    package var publisher: String?
    package var title: String?
    package var url: String?
    package var place: String?
    package var archive: String?
    package var archiveLocation: String?
    package var accessed: PartialDate?

    package static let keys = ["publisher", "title", "url", "place", "archive", "archive_location", "accessed"]

    package init(publisher: String? = nil, title: String? = nil, url: String? = nil, place: String? = nil,
                archive: String? = nil, archiveLocation: String? = nil, accessed: PartialDate? = nil) {
        self.publisher = publisher
        self.title = title
        self.url = url
        self.place = place
        self.archive = archive
        self.archiveLocation = archiveLocation
        self.accessed = accessed
    }
}

/// A person or organisation in a document, with the role they held at the time.
package struct Participant: Sendable, Hashable, Codable {
    package var speakerID: String
    package var role: String?
    package var participation: Participation

    package init(speakerID: String, role: String? = nil, participation: Participation) {
        self.speakerID = speakerID
        self.role = role
        self.participation = participation
    }
}

/// A span of time in which a speaker held a role.
package struct RoleSpan: Sendable, Hashable, Codable {
    package var title: String
    package var from: String?
    package var to: String?

    package init(title: String, from: String? = nil, to: String? = nil) {
        self.title = title
        self.from = from
        self.to = to
    }
}

package struct Document: Sendable {
    package var id: String
    /// The source file, relative to the site folder.
    package var sourcePath: String
    package var title: String
    package var date: DocumentDate
    package var type: String
    package var participants: [Participant]
    package var topicIDs: [String]
    package var summaryHTML: String?
    package var summaryText: String?
    /// The lead-in before the transcript ("Excerpt from the press conference:").
    package var excerpt: String?
    package var source: SourceInfo
    package var language: String?
    package var isDraft: Bool
    package var transcript: Transcript
    /// Notes and questions anchored to passages, numbered in reading order.
    package var annotations: [AnchoredAnnotation] = []
    /// Fields that replace those of the generated CSL item.
    package var citationOverrides: [(String, JSONValue)]
    /// Where it was spoken, who issued it, its number: what citations say besides title, date and people.
    package var details = DocumentDetails()
    /// "More on This Topic": ids of related documents, best first.
    package var relatedIDs: [String] = []
    /// A fingerprint of everything the document was read from: its files, and the configuration and
    /// speaker files that its reading depends on.
    package var contentKey: UInt64 = 0
    /// True for a document taken from the build cache on disk, which keeps everything but the transcript
    /// (the bulk of it), or read by a build, which does not hold it: the transcript is read again when the
    /// document's page is made.
    package var transcriptIsOmitted = false

    /// Drops the transcript, to be read again from the document's files when needed (`TranscriptSource`).
    package mutating func omitTranscript() {
        transcript = Transcript(turns: [])
        transcriptIsOmitted = true
    }

    package init(id: String, sourcePath: String, title: String, date: DocumentDate, type: String,
                participants: [Participant], topicIDs: [String], summaryHTML: String? = nil,
                summaryText: String? = nil, excerpt: String? = nil, source: SourceInfo, language: String? = nil,
                isDraft: Bool, transcript: Transcript, annotations: [AnchoredAnnotation] = [],
                citationOverrides: [(String, JSONValue)], details: DocumentDetails = DocumentDetails(),
                relatedIDs: [String] = [], contentKey: UInt64 = 0, transcriptIsOmitted: Bool = false) {
        self.id = id
        self.sourcePath = sourcePath
        self.title = title
        self.date = date
        self.type = type
        self.participants = participants
        self.topicIDs = topicIDs
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.excerpt = excerpt
        self.source = source
        self.language = language
        self.isDraft = isDraft
        self.transcript = transcript
        self.annotations = annotations
        self.citationOverrides = citationOverrides
        self.details = details
        self.relatedIDs = relatedIDs
        self.contentKey = contentKey
        self.transcriptIsOmitted = transcriptIsOmitted
    }
}

package struct Speaker: Sendable {
    package var id: String
    package var name: PersonName
    package var aliases: [String]
    package var born: String?
    package var died: String?
    package var declaredRoles: [RoleSpan]
    package var biographyHTML: String?
    package var sourcePath: String?
    /// Newest first.
    package var documentIDs: [String] = []
    /// Roles as the documents give them, oldest first.
    package var documentRoles: [RoleSpan] = []
    package var coSpeakers: [(id: String, count: Int)] = []
    package var topics: [(id: String, count: Int)] = []

    package init(id: String, name: PersonName, aliases: [String], born: String? = nil, died: String? = nil,
                declaredRoles: [RoleSpan], biographyHTML: String? = nil, sourcePath: String? = nil,
                documentIDs: [String] = [], documentRoles: [RoleSpan] = [], coSpeakers: [(id: String,
                count: Int)] = [], topics: [(id: String, count: Int)] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.born = born
        self.died = died
        self.declaredRoles = declaredRoles
        self.biographyHTML = biographyHTML
        self.sourcePath = sourcePath
        self.documentIDs = documentIDs
        self.documentRoles = documentRoles
        self.coSpeakers = coSpeakers
        self.topics = topics
    }
}

package struct Topic: Sendable {
    package var id: String
    package var title: String
    package var summaryHTML: String?
    package var bodyHTML: String?
    package var sourcePath: String?
    package var documentIDs: [String] = []
    package var frequentSpeakers: [(id: String, count: Int)] = []
    package var relatedTopics: [(id: String, count: Int)] = []

    package init(id: String, title: String, summaryHTML: String? = nil, bodyHTML: String? = nil,
                sourcePath: String? = nil, documentIDs: [String] = [], frequentSpeakers: [(id: String,
                count: Int)] = [], relatedTopics: [(id: String, count: Int)] = []) {
        self.id = id
        self.title = title
        self.summaryHTML = summaryHTML
        self.bodyHTML = bodyHTML
        self.sourcePath = sourcePath
        self.documentIDs = documentIDs
        self.frequentSpeakers = frequentSpeakers
        self.relatedTopics = relatedTopics
    }
}

package struct CollectionItem: Sendable, Codable {
    package var documentID: String
    package var noteHTML: String?
    package var pinpoint: String?

    package init(documentID: String, noteHTML: String? = nil, pinpoint: String? = nil) {
        self.documentID = documentID
        self.noteHTML = noteHTML
        self.pinpoint = pinpoint
    }
}

/// A class reading list.
package struct Collection: Sendable, Codable {
    package var id: String
    package var title: String
    package var course: String?
    package var term: String?
    package var instructor: String?
    package var style: String?
    package var items: [CollectionItem]
    package var bodyHTML: String?
    package var sourcePath: String

    package init(id: String, title: String, course: String? = nil, term: String? = nil, instructor: String? = nil,
                style: String? = nil, items: [CollectionItem], bodyHTML: String? = nil, sourcePath: String) {
        self.id = id
        self.title = title
        self.course = course
        self.term = term
        self.instructor = instructor
        self.style = style
        self.items = items
        self.bodyHTML = bodyHTML
        self.sourcePath = sourcePath
    }
}
