/// A locale flattened along the spec's fallback chain, ready for fast term look-ups.
struct ResolvedLocale: Sendable {
    var language: String
    var terms: [TermKey: Term] = [:]
    var dateFormats: [DateElement.LocalizedForm: DateElement] = [:]
    var punctuationInQuote = false
    var limitDayOrdinalsToDay1 = false

    /// Builds the chain: style locale for the exact language, its base language, the style's
    /// unqualified locale, then locale files for the exact language, its primary dialect, en-US.
    init(language: String, style: CSLStyle, store: CSLLocaleStore) throws {
        self.language = language
        let base = String(language.split(separator: "-").first ?? Substring(language))
        var chain: [LocaleData] = []  // highest priority first
        chain += style.locales.filter { $0.language == language }
        if base != language { chain += style.locales.filter { $0.language == base } }
        chain += style.locales.filter { $0.language == nil }
        var files: [String] = [language]
        if let dialect = store.primaryDialect(of: base) { files.append(dialect) }
        files.append("en-US")
        var seen = Set<String>()
        for file in files where seen.insert(file).inserted {
            if let data = try store.locale(file) { chain.append(data) }
        }
        apply(chain)
    }

    private mutating func apply(_ chain: [LocaleData]) {
        for layer in chain.reversed() {
            // A layer that defines ordinals replaces all ordinals of the layers below it.
            if layer.definesOrdinals {
                terms = terms.filter { !($0.key.name.hasPrefix("ordinal") || $0.key.name.hasPrefix("long-ordinal")) }
            }
            for (key, term) in layer.terms { terms[key] = term }
            for (form, date) in layer.dateFormats { dateFormats[form] = date }
            if let p = layer.punctuationInQuote { punctuationInQuote = p }
            if let l = layer.limitDayOrdinalsToDay1 { limitDayOrdinalsToDay1 = l }
        }
    }

    /// Looks a term up, falling back across forms as the spec prescribes.
    func term(_ name: String, form: TermForm = .long, genderForm: String? = nil) -> Term? {
        for f in form.fallbacks {
            if let genderForm, let t = terms[TermKey(name: name, form: f, genderForm: genderForm)] { return t }
            if let t = terms[TermKey(name: name, form: f, genderForm: nil)] { return t }
        }
        return nil
    }

    func termText(_ name: String, form: TermForm = .long, plural: Bool = false) -> String? {
        term(name, form: form)?.text(plural: plural)
    }
}
