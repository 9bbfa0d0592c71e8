/// What the index is made from: one document, as the site gives it. The index knows nothing else of the site.
public struct SearchDocument: Sendable {
    public struct Paragraph: Sendable {
        /// The ¶ number (the page's `#pN` anchor).
        public var number: Int
        /// The speaker of the turn, if any.
        public var speaker: String?
        public var text: String
        public init(number: Int, speaker: String?, text: String) {
            self.number = number
            self.speaker = speaker
            self.text = text
        }
    }

    /// A facet value: an id for the URL, a label for people.
    public struct Value: Sendable, Hashable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public var id: String
    public var title: String
    /// As shown ("May 7, 2013").
    public var dateLabel: String
    public var year: Int
    public var type: Value
    public var summary: String
    public var speakers: [Value]
    public var topics: [Value]
    /// The reading lists that include the document.
    public var lists: [Value]
    public var paragraphs: [Paragraph]

    public init(id: String, title: String, dateLabel: String, year: Int, type: Value, summary: String,
                speakers: [Value], topics: [Value], lists: [Value], paragraphs: [Paragraph]) {
        self.id = id
        self.title = title
        self.dateLabel = dateLabel
        self.year = year
        self.type = type
        self.summary = summary
        self.speakers = speakers
        self.topics = topics
        self.lists = lists
        self.paragraphs = paragraphs
    }

    /// The text of paragraph 0, the document's head: what it is about, searched with the text and weighted more.
    var headText: String {
        ([title, summary] + speakers.map(\.label) + topics.map(\.label) + [type.label]).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
