/// How a person took part in a document.
public enum Participation: String, Sendable, CaseIterable, Codable {
    case speaker, presider, moderator, interviewer, author, recipient, translator

    /// The heading of the group on the document page.
    var groupTitle: (one: String, many: String) {
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
public struct SourceInfo: Sendable, Hashable, Codable {
    public var publisher: String?
    public var title: String?
    public var url: String?
    public var place: String?
    public var archive: String?
    public var archiveLocation: String?
    public var accessed: PartialDate?

    static let keys = ["publisher", "title", "url", "place", "archive", "archive_location", "accessed"]
}

/// A person or organisation in a document, with the role they held at the time.
public struct Participant: Sendable, Hashable, Codable {
    public var speakerID: String
    public var role: String?
    public var participation: Participation
}

/// A span of time in which a speaker held a role.
public struct RoleSpan: Sendable, Hashable {
    public var title: String
    public var from: String?
    public var to: String?
}

public struct Document: Sendable {
    public var id: String
    /// The source file, relative to the site folder.
    public var sourcePath: String
    public var title: String
    public var date: DocumentDate
    public var type: String
    public var participants: [Participant]
    public var topicIDs: [String]
    public var summaryHTML: String?
    public var summaryText: String?
    /// The lead-in before the transcript ("Excerpt from the press conference:").
    public var excerpt: String?
    public var source: SourceInfo
    public var language: String?
    public var isDraft: Bool
    public var transcript: Transcript
    /// Notes and questions anchored to passages, numbered in reading order.
    public var annotations: [AnchoredAnnotation] = []
    /// Fields that replace those of the generated CSL item.
    public var citationOverrides: [(String, JSONValue)]
    /// Where it was spoken, who issued it, its number: what citations say besides title, date and people.
    public var details = DocumentDetails()
    /// "More on This Topic": ids of related documents, best first.
    public var relatedIDs: [String] = []
    /// A fingerprint of everything the document was read from: its files, and the configuration and
    /// speaker files that its reading depends on.
    var contentKey: UInt64 = 0
    /// True for a document taken from the build cache on disk, which keeps everything but the transcript
    /// (the bulk of it): the transcript is read again only if the document's page has to be made again.
    var transcriptIsOmitted = false
}

public struct Speaker: Sendable {
    public var id: String
    public var name: PersonName
    public var aliases: [String]
    public var born: String?
    public var died: String?
    public var declaredRoles: [RoleSpan]
    public var biographyHTML: String?
    public var sourcePath: String?
    /// Newest first.
    public var documentIDs: [String] = []
    /// Roles as the documents give them, oldest first.
    public var documentRoles: [RoleSpan] = []
    public var coSpeakers: [(id: String, count: Int)] = []
    public var topics: [(id: String, count: Int)] = []
}

public struct Topic: Sendable {
    public var id: String
    public var title: String
    public var summaryHTML: String?
    public var bodyHTML: String?
    public var sourcePath: String?
    public var documentIDs: [String] = []
    public var frequentSpeakers: [(id: String, count: Int)] = []
    public var relatedTopics: [(id: String, count: Int)] = []
}

public struct CollectionItem: Sendable {
    public var documentID: String
    public var noteHTML: String?
    public var pinpoint: String?
}

/// A class reading list.
public struct Collection: Sendable {
    public var id: String
    public var title: String
    public var course: String?
    public var term: String?
    public var instructor: String?
    public var style: String?
    public var items: [CollectionItem]
    public var bodyHTML: String?
    public var sourcePath: String
}
