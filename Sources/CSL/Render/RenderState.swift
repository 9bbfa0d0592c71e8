/// Where in the document a cite stands, as tested by `position="…"`.
enum Position: Int, Sendable, Comparable {
    case first = 0, subsequent, ibidWithLocator, ibid
    static func < (a: Position, b: Position) -> Bool { a.rawValue < b.rawValue }
}

/// Cite-specific data used while rendering one item.
struct CiteData: Sendable {
    var locator: String?
    var label: String?
    var position: Position = .first
    var nearNote = false
    var firstReferenceNoteNumber: Int?
}

/// Per-item choices made by disambiguation.
struct Disambiguation: Sendable, Equatable, Hashable {
    /// Show at least this many names (add-names); nil keeps the style's et-al settings.
    var minNames: Int?
    /// Given-name expansion per name (keyed by variable and index): 1 initials, 2 full.
    var givenLevels: [String: Int] = [:]
    var disambiguateCondition = false
    var yearSuffix: Int?
}

enum RenderMode: Sendable { case citation, bibliography, sort }
