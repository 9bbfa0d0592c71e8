/// The rendering elements of a layout, macro or choose branch.
indirect enum Element: Sendable {
    case text(TextElement)
    case number(NumberElement)
    case label(LabelElement)
    case names(NamesElement)
    case date(DateElement)
    case group(GroupElement)
    case choose(ChooseElement)
}

enum TermForm: String, Sendable, CaseIterable {
    case long, short, verb
    case verbShort = "verb-short"
    case symbol

    /// The spec's fallback order when a form is missing in the locale.
    var fallbacks: [TermForm] {
        switch self {
        case .long: [.long]
        case .short: [.short, .long]
        case .verb: [.verb, .long]
        case .verbShort: [.verbShort, .verb, .long]
        case .symbol: [.symbol, .short, .long]
        }
    }
}

struct TextElement: Sendable {
    enum Source: Sendable {
        case variable(String, short: Bool)
        case macro(String)
        case term(String, form: TermForm, plural: Bool)
        case value(String)
    }
    var source: Source
    var decoration: Decoration
}

struct NumberElement: Sendable {
    enum Form: String, Sendable { case numeric, ordinal, longOrdinal = "long-ordinal", roman }
    var variable: String
    var form: Form
    var decoration: Decoration
}

struct LabelElement: Sendable {
    enum Plural: String, Sendable { case contextual, always, never }
    /// Empty inside `names`, where the names variable is used.
    var variable: String
    var form: TermForm
    var plural: Plural
    var decoration: Decoration
}

struct GroupElement: Sendable {
    var children: [Element]
    var delimiter: String
    var decoration: Decoration
}

struct ChooseElement: Sendable {
    var branches: [(condition: Condition, body: [Element])]
    var otherwise: [Element]
}

struct Condition: Sendable {
    enum Match: String, Sendable { case all, any, none }
    enum Test: Sendable {
        case type(String)
        /// The kind says which of the item's tables holds the variable (found once, when parsed).
        case variable(String, VariableKind.Kind)
        case isNumeric(String)
        case isUncertainDate(String)
        case locator(String)
        case position(String)
        case disambiguate(Bool)
    }
    var match: Match
    var tests: [Test]
}
