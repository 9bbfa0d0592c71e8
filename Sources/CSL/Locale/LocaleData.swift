/// The content of a `cs:locale` element, either from a locale file or inside a style.
struct LocaleData: Sendable {
    /// The `xml:lang` value; nil for an unqualified locale inside a style.
    var language: String?
    var terms: [TermKey: Term] = [:]
    var dateFormats: [DateElement.LocalizedForm: DateElement] = [:]
    var punctuationInQuote: Bool?
    var limitDayOrdinalsToDay1: Bool?

    /// True when any ordinal term is defined, which hides ordinals of lower-priority locales.
    var definesOrdinals: Bool {
        terms.keys.contains { $0.name.hasPrefix("ordinal") || $0.name.hasPrefix("long-ordinal") }
    }
}
