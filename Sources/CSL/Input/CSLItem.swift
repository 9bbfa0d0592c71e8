/// One bibliographic item (CSL-JSON). Decode arrays with `CSLItem.decodeArray(from:)`.
public struct CSLItem: Sendable, Equatable {
    public var id: String
    /// CSL item type such as "book", "article-journal", "chapter".
    public var type: String
    /// Ordinary and number variables, by CSL variable name.
    public var variables: [String: String]
    public var names: [String: [CSLName]]
    public var dates: [String: CSLDate]

    public init(id: String, type: String = "book", variables: [String: String] = [:],
                names: [String: [CSLName]] = [:], dates: [String: CSLDate] = [:]) {
        self.id = id
        self.type = type
        self.variables = variables
        self.names = names
        self.dates = dates
    }

    public subscript(variable: String) -> String? {
        get { variables[variable] }
        set { variables[variable] = newValue }
    }
}

/// Which CSL variables hold names or dates; everything else is text or number.
enum VariableKind {
    enum Kind: Sendable { case name, date, other }

    static func kind(of variable: String) -> Kind {
        names.contains(variable) ? .name : dates.contains(variable) ? .date : .other
    }

    static let names: Set<String> = [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
        "translator",
    ]
    static let dates: Set<String> = [
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted", "container",
    ]
    static let numbers: Set<String> = [
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
        "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
        "part-number", "printing-number", "section", "supplement-number", "version", "volume",
    ]
}
