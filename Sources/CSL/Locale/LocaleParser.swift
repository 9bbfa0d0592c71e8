import Foundation

/// Reads a `cs:locale` element (from a locale file or a style) into `LocaleData`.
struct LocaleParser {
    let file: String

    func parse(_ node: XMLNode) throws -> LocaleData {
        let styleParser = StyleParser(file: file)
        var data = LocaleData(language: node.attributes["lang"] ?? node.attributes["xml:lang"])
        for child in node.children {
            switch child.name {
            case "info": continue
            case "style-options":
                try styleParser.check(child)
                data.punctuationInQuote = child.attributes["punctuation-in-quote"].map { $0 == "true" }
                data.limitDayOrdinalsToDay1 = child.attributes["limit-day-ordinals-to-day-1"].map { $0 == "true" }
            case "date":
                let date = try styleParser.date(child, inLocale: true)
                guard let form = date.localized else { throw styleParser.fail(child, "locale date needs form") }
                data.dateFormats[form] = date
            case "terms":
                for termNode in child.children {
                    guard termNode.name == "term" else { throw styleParser.fail(termNode, "unknown element inside <terms>") }
                    try styleParser.check(termNode)
                    let (key, term) = try parseTerm(termNode, styleParser)
                    data.terms[key] = term
                }
            default:
                throw styleParser.fail(child, "unknown element inside <locale>")
            }
        }
        return data
    }

    /// Term text spread over indented lines is layout, not content; otherwise keep it exactly.
    static func content(_ text: String) -> String {
        text.contains("\n") ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    private func parseTerm(_ node: XMLNode, _ parser: StyleParser) throws -> (TermKey, Term) {
        guard let name = node.attributes["name"] else { throw parser.fail(node, "term without name") }
        let form: TermForm = try parser.enumValue(node, "form") ?? .long
        // Whitespace in terms is content (" AD", French quotes with no-break spaces).
        var term = Term(single: Self.content(node.text),
                        gender: node.attributes["gender"], match: node.attributes["match"])
        if let single = node.child("single") {
            term.single = Self.content(single.text)
            term.multiple = node.child("multiple").map { Self.content($0.text) }
        }
        return (TermKey(name: name, form: form, genderForm: node.attributes["gender-form"]), term)
    }
}
