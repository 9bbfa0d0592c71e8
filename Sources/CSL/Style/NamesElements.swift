/// Options of `cs:name`, which can also be inherited from `cs:style`, `cs:citation` and
/// `cs:bibliography`. `nil` means "not set here".
struct NameOptions: Sendable, Equatable {
    enum And: String, Sendable { case text, symbol }
    enum Precedes: String, Sendable { case contextual, afterInvertedName = "after-inverted-name", always, never }
    enum Form: String, Sendable { case long, short, count }
    enum SortOrder: String, Sendable { case first, all }

    var and: And?
    var delimiter: String?
    var delimiterPrecedesEtAl: Precedes?
    var delimiterPrecedesLast: Precedes?
    var etAlMin: Int?
    var etAlUseFirst: Int?
    var etAlUseLast: Bool?
    var etAlSubsequentMin: Int?
    var etAlSubsequentUseFirst: Int?
    var form: Form?
    var initialize: Bool?
    var initializeWith: String?
    var nameAsSortOrder: SortOrder?
    var sortSeparator: String?

    /// Values set here win; unset ones come from `parent`.
    func over(_ parent: NameOptions) -> NameOptions {
        var r = self
        r.and = and ?? parent.and
        r.delimiter = delimiter ?? parent.delimiter
        r.delimiterPrecedesEtAl = delimiterPrecedesEtAl ?? parent.delimiterPrecedesEtAl
        r.delimiterPrecedesLast = delimiterPrecedesLast ?? parent.delimiterPrecedesLast
        r.etAlMin = etAlMin ?? parent.etAlMin
        r.etAlUseFirst = etAlUseFirst ?? parent.etAlUseFirst
        r.etAlUseLast = etAlUseLast ?? parent.etAlUseLast
        r.etAlSubsequentMin = etAlSubsequentMin ?? parent.etAlSubsequentMin
        r.etAlSubsequentUseFirst = etAlSubsequentUseFirst ?? parent.etAlSubsequentUseFirst
        r.form = form ?? parent.form
        r.initialize = initialize ?? parent.initialize
        r.initializeWith = initializeWith ?? parent.initializeWith
        r.nameAsSortOrder = nameAsSortOrder ?? parent.nameAsSortOrder
        r.sortSeparator = sortSeparator ?? parent.sortSeparator
        return r
    }
}

struct NameElement: Sendable {
    var options: NameOptions
    var decoration: Decoration
    var family: Decoration?
    var given: Decoration?
}

struct EtAlElement: Sendable {
    var term: String
    var decoration: Decoration
}

struct NamesElement: Sendable {
    var variables: [String]
    var name: NameElement?
    var etAl: EtAlElement?
    var label: LabelElement?
    var labelBeforeName: Bool
    /// nil when there is no `cs:substitute`.
    var substitute: [Element]?
    /// nil: inherit `names-delimiter`.
    var delimiter: String?
    var decoration: Decoration
}
