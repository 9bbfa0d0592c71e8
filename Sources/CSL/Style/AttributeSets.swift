/// Which attributes each CSL element may carry; anything else is reported as an error.
enum AttributeSets {
    static let affixes: Set<String> = ["prefix", "suffix"]
    static let font: Set<String> = ["font-style", "font-variant", "font-weight", "text-decoration", "vertical-align"]
    static let decoration: Set<String> = affixes.union(font).union(["display", "quotes", "strip-periods", "text-case"])

    static let nameOptions: Set<String> = [
        "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
        "et-al-use-last", "et-al-subsequent-min", "et-al-subsequent-use-first", "initialize",
        "initialize-with", "name-as-sort-order", "sort-separator",
    ]
    static let inheritableNames: Set<String> = nameOptions.union(["name-form", "name-delimiter", "names-delimiter"])

    static let byElement: [String: Set<String>] = [
        "style": inheritableNames.union([
            "class", "version", "default-locale", "demote-non-dropping-particle",
            "initialize-with-hyphen", "page-range-format", "xmlns", "lang",
        ]),
        "citation": inheritableNames.union([
            "disambiguate-add-names", "disambiguate-add-givenname", "givenname-disambiguation-rule",
            "disambiguate-add-year-suffix", "collapse", "cite-group-delimiter", "year-suffix-delimiter",
            "after-collapse-delimiter", "near-note-distance",
        ]),
        "bibliography": inheritableNames.union([
            "hanging-indent", "second-field-align", "line-spacing", "entry-spacing",
            "subsequent-author-substitute", "subsequent-author-substitute-rule",
        ]),
        "macro": ["name"],
        "layout": affixes.union(font).union(["delimiter", "lang"]),
        "sort": [],
        "key": ["variable", "macro", "sort", "names-min", "names-use-first", "names-use-last"],
        "text": decoration.union(["variable", "form", "macro", "term", "plural", "value"]),
        "number": decoration.union(["variable", "form"]),
        "label": decoration.subtracting(["display", "quotes"]).union(["variable", "form", "plural"]),
        "group": decoration.subtracting(["quotes", "strip-periods", "text-case"]).union(["delimiter"]),
        "choose": [],
        "if": ["type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate", "match"],
        "names": affixes.union(font).union(["display", "variable", "delimiter"]),
        "name": affixes.union(font).union(nameOptions).union(["form", "delimiter"]),
        "name-part": font.union(["name", "text-case", "prefix", "suffix"]),
        "et-al": font.union(["term", "prefix", "suffix"]),
        "substitute": [],
        "date": affixes.union(font).union(["display", "text-case", "variable", "form", "date-parts", "delimiter"]),
        "date-part": affixes.union(font).union(["name", "form", "range-delimiter", "strip-periods", "text-case"]),
        "locale": ["lang"],
        "style-options": ["punctuation-in-quote", "limit-day-ordinals-to-day-1"],
        "terms": [],
        "term": ["name", "form", "gender", "gender-form", "match"],
        "single": [],
        "multiple": [],
        "info": [],
    ]
}
