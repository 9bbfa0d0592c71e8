struct SortKey: Sendable {
    enum Source: Sendable { case variable(String), macro(String) }
    var source: Source
    var ascending: Bool
    var namesMin: Int?
    var namesUseFirst: Int?
    var namesUseLast: Bool?
}

struct Layout: Sendable {
    var elements: [Element]
    var decoration: Decoration
    var delimiter: String
}

struct CitationSection: Sendable {
    var layout: Layout
    var sort: [SortKey]
    var nameOptions: NameOptions
    var namesDelimiter: String?
    var addNames = false
    var addGivenname = false
    var givennameRule = "by-cite"
    var addYearSuffix = false
    /// citation-number, year, year-suffix or year-suffix-ranged.
    var collapse: String?
    var citeGroupDelimiter: String?
    var yearSuffixDelimiter: String?
    var afterCollapseDelimiter: String?
    var nearNoteDistance = 5
}

struct BibliographySection: Sendable {
    var layout: Layout
    var sort: [SortKey]
    var nameOptions: NameOptions
    var namesDelimiter: String?
    var hangingIndent = false
    var secondFieldAlign: String?
    var lineSpacing = 1
    var entrySpacing = 1
    var subsequentAuthorSubstitute: String?
    var subsequentAuthorSubstituteRule = "complete-all"
}
