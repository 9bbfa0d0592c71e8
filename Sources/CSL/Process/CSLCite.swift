/// One reference to an item inside a citation, with its pinpoint and affixes.
public struct CSLCite: Sendable, Equatable {
    public var id: String
    public var locator: String?
    /// Locator label term such as "page", "chapter", "section" (default "page").
    public var label: String?
    public var prefix: String?
    public var suffix: String?
    /// Leave out the author names ("Smith says (2000)").
    public var suppressAuthor = false
    /// Force a position instead of computing it from the document.
    public var position: CSLPosition?

    public init(id: String, locator: String? = nil, label: String? = nil, prefix: String? = nil,
                suffix: String? = nil, suppressAuthor: Bool = false, position: CSLPosition? = nil) {
        self.id = id
        // A pinpoint typed with a stray space (" 666") prints without it.
        self.locator = locator.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // Older CSL-JSON writes locator labels with spaces ("sub verbo" for "sub-verbo").
        self.label = label?.replacingOccurrences(of: " ", with: "-")
        self.prefix = prefix
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
        self.position = position
    }
}

public enum CSLPosition: String, Sendable {
    case first, subsequent, ibid
    case ibidWithLocator = "ibid-with-locator"
}

/// A citation cluster: the cites of one footnote or one parenthetical.
public struct CSLCitation: Sendable, Equatable {
    public var cites: [CSLCite]
    /// The footnote number for note styles; nil lets the processor number clusters 1, 2, 3….
    public var noteIndex: Int?

    public init(cites: [CSLCite], noteIndex: Int? = nil) {
        self.cites = cites
        self.noteIndex = noteIndex
    }
}

/// One rendered bibliography entry.
public struct CSLEntry: Sendable, Equatable {
    public var id: String
    public var output: CSLOutput
    public var html: String { output.html }
    public var text: String { output.text }
}

/// The result of processing a whole document: one output per citation, and the bibliography.
public struct CSLDocumentOutput: Sendable {
    public var citations: [CSLOutput]
    public var bibliography: [CSLEntry]

    public init(citations: [CSLOutput], bibliography: [CSLEntry]) {
        self.citations = citations
        self.bibliography = bibliography
    }
}
