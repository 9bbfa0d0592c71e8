import Foundation

extension Renderer {
    func renderText(_ t: TextElement) -> [Node] {
        switch t.source {
        case .value(let v):
            return decorate(RichText.parse(v), t.decoration)
        case .term(let name, let form, let plural):
            guard let text = locale.termText(name, form: form, plural: plural) else { return [] }
            var nodes: [Node] = [.tag(.term, RichText.parse(text))]
            // Undated items carry their year suffix on "n.d." ("n.d.-a").
            if name == "no date", let suffix = disambiguation.yearSuffix, !yearSuffixRendered, !style.yearSuffixInLayout,
               item.dates["issued"] == nil {
                yearSuffixRendered = true
                nodes += [.tag(.yearSuffix, [.text("-" + YearSuffix.letters(suffix))])]
            }
            return decorate(nodes, t.decoration)
        case .macro(let name):
            guard let body = style.macros[name], macroDepth < 50 else { return [] }
            macroDepth += 1
            defer { macroDepth -= 1 }
            // Like a group, a macro whose variables are all empty prints nothing (not even terms).
            let calledBefore = variablesCalled, renderedBefore = variablesRendered
            let out = render(body)
            if variablesCalled > calledBefore && variablesRendered == renderedBefore { return [] }
            // A macro that printed something counts as a rendered variable for enclosing groups.
            if !out.isBlank { variablesCalled = calledBefore + 1; variablesRendered = renderedBefore + 1 }
            return decorate(out, t.decoration)
        case .variable(let name, let short):
            let nodes = variableNodes(name, short: short)
            // The year suffix is the processor's, not the item's: when there is none, a group
            // such as "(n.d.-a)" still prints its term ("(n.d.)"), as other processors do.
            if name == "year-suffix" && nodes.isBlank { return [] }
            noteVariable(!nodes.isBlank)
            if !nodes.isBlank { capture(name) }
            return decorate(nodes, t.decoration)
        }
    }

    /// The content of a text or number variable, honoring short forms and special variables.
    func variableNodes(_ name: String, short: Bool) -> [Node] {
        if isSuppressed(name) { return [] }
        switch name {
        case "citation-number":
            guard let n = citationNumber else { return [] }
            return [.tag(.citationNumber, [.text(String(n))])]
        case "year-suffix":
            guard let n = disambiguation.yearSuffix else { return [] }
            yearSuffixRendered = true
            return [.tag(.yearSuffix, [.text(YearSuffix.letters(n))])]
        case "locator":
            guard let cited = cite.locator, !cited.isEmpty else { return [] }
            let locator = localizedAmpersand(cited)
            if cite.label == nil || cite.label == "page" { return [.text(PageRange.format(locator, style.pageRangeFormat, locale))] }
            if let value = NumericValue(locator) { return [.text(value.render(rangeDelimiter: "\u{2013}") { $0 })] }
            return RichText.parse(locator)
        case "first-reference-note-number":
            guard let n = cite.firstReferenceNoteNumber else { return [] }
            return [.text(String(n))]
        case "citation-label":
            guard var label = item.variables["citation-label"] ?? CitationLabel.make(item) else { return [] }
            if let suffix = disambiguation.yearSuffix, !yearSuffixRendered, !style.yearSuffixInLayout {
                yearSuffixRendered = true
                label += YearSuffix.letters(suffix)
            }
            return [.text(label)]
        case "page":
            guard let page = item.variables["page"] else { return [] }
            return [.text(PageRange.format(page, style.pageRangeFormat, locale))]
        default:
            guard let value = variableValue(name, short: short), !value.isEmpty else { return [] }
            // Numeric ranges in number variables ("3-4") print with an en dash.
            if VariableKind.numbers.contains(name), value.contains("-"), let numeric = NumericValue(value) {
                return [.text(numeric.render(rangeDelimiter: "\u{2013}") { $0 })]
            }
            return RichText.parse(value)
        }
    }

    /// "213 & 235": the ampersand between numbers is the locale's symbol for "and".
    func localizedAmpersand(_ value: String) -> String {
        guard value.contains(" & "), let symbol = locale.termText("and", form: .symbol), symbol != "&" else { return value }
        return value.replacingOccurrences(of: " & ", with: " \(symbol) ")
    }

    func variableValue(_ name: String, short: Bool) -> String? {
        if isSuppressed(name) { return nil }
        if short {
            if let v = item.variables[name + "-short"], !v.isEmpty { return v }
            if name == "container-title", let v = item.variables["journalAbbreviation"], !v.isEmpty { return v }
        }
        if name == "container-title-short", item.variables[name] == nil { return item.variables["journalAbbreviation"] }
        if name == "page-first", item.variables[name] == nil, let page = item.variables["page"] {
            return String(page.prefix { $0 != "-" && $0 != "\u{2013}" && $0 != "," && $0 != "&" })
                .trimmedSpaces
        }
        return item.variables[name]
    }
}
