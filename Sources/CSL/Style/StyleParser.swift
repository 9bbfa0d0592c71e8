import Foundation

/// Turns a style's XML tree into the typed model, rejecting unknown elements and attributes.
struct StyleParser {
    let file: String

    func fail(_ node: XMLNode, _ message: String) -> CSLError {
        CSLError(file: file, line: node.line, element: node.name, message: message)
    }

    /// The parent style URL of a dependent style, or nil for an independent one.
    func parentLink(_ root: XMLNode) throws -> String? {
        guard root.name == "style" else { throw fail(root, "root element must be <style>") }
        guard root.child("citation") == nil else { return nil }
        let link = root.child("info")?.children("link").first { $0.attributes["rel"] == "independent-parent" }
        return link?.attributes["href"]
    }

    func parseInfo(_ root: XMLNode) throws -> (id: String, title: String) {
        let info = root.child("info")
        let id = info?.child("id")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let title = info?.child("title")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return (id, title)
    }

    func parseStyle(_ root: XMLNode) throws -> CSLStyle {
        try check(root)
        for child in root.children where !["info", "locale", "macro", "citation", "bibliography"].contains(child.name) {
            throw fail(child, "unknown element inside <style>")
        }
        let a = root.attributes
        let styleClass = try a["class"].map { value in
            guard let c = CSLStyle.StyleClass(rawValue: value) else { throw fail(root, "invalid class \"\(value)\"") }
            return c
        } ?? .inText
        var macros: [String: [Element]] = [:]
        for macro in root.children("macro") {
            guard let name = macro.attributes["name"] else { throw fail(macro, "macro without name") }
            try check(macro)
            macros[name] = try parseChildren(macro)
        }
        let locales = try root.children("locale").map { try LocaleParser(file: file).parse($0) }
        guard let citationNode = root.child("citation") else { throw fail(root, "style has no <citation>") }
        let citation = try parseCitation(citationNode)
        let bibliography = try root.child("bibliography").map(parseBibliography)
        let info = try parseInfo(root)
        var style = CSLStyle(
            id: info.id, title: info.title, styleClass: styleClass, defaultLocale: a["default-locale"],
            citation: citation, bibliography: bibliography, macros: macros, locales: locales,
            nameOptions: try nameOptions(root, prefixed: true), namesDelimiter: a["names-delimiter"])
        if let v = a["demote-non-dropping-particle"] { style.demoteNonDroppingParticle = v }
        if let v = a["initialize-with-hyphen"] { style.initializeWithHyphen = v != "false" }
        style.pageRangeFormat = a["page-range-format"]
        try verifyMacros(style)
        style.yearSuffixInLayout = style.usesYearSuffixVariable
        style.disambiguateConditionInLayout = style.usesDisambiguateCondition
        return style
    }

    /// Every `macro="…"` reference must name a defined macro.
    private func verifyMacros(_ style: CSLStyle) throws {
        var missing: String?
        func visit(_ elements: [Element]) {
            for element in elements {
                switch element {
                case .text(let t): if case .macro(let m) = t.source, style.macros[m] == nil { missing = m }
                case .group(let g): visit(g.children)
                case .choose(let c): c.branches.forEach { visit($0.body) }; visit(c.otherwise)
                case .names(let n): if let s = n.substitute { visit(s) }
                default: break
                }
            }
        }
        style.macros.values.forEach(visit)
        visit(style.citation.layout.elements)
        if let b = style.bibliography { visit(b.layout.elements) }
        let keys = style.citation.sort + (style.bibliography?.sort ?? [])
        for key in keys { if case .macro(let m) = key.source, style.macros[m] == nil { missing = m } }
        if let missing { throw CSLError(file: file, element: "text", message: "undefined macro \"\(missing)\"") }
    }

    // MARK: sections

    private func parseCitation(_ node: XMLNode) throws -> CitationSection {
        try check(node)
        let a = node.attributes
        var c = CitationSection(layout: try layout(node), sort: try sort(node),
                                nameOptions: try nameOptions(node, prefixed: true),
                                namesDelimiter: a["names-delimiter"])
        c.addNames = a["disambiguate-add-names"] == "true"
        c.addGivenname = a["disambiguate-add-givenname"] == "true"
        c.givennameRule = a["givenname-disambiguation-rule"] ?? "by-cite"
        c.addYearSuffix = a["disambiguate-add-year-suffix"] == "true"
        c.collapse = a["collapse"]
        c.citeGroupDelimiter = a["cite-group-delimiter"]
        c.yearSuffixDelimiter = a["year-suffix-delimiter"]
        c.afterCollapseDelimiter = a["after-collapse-delimiter"]
        if let v = a["near-note-distance"] { c.nearNoteDistance = try int(v, node) }
        return c
    }

    private func parseBibliography(_ node: XMLNode) throws -> BibliographySection {
        try check(node)
        let a = node.attributes
        var b = BibliographySection(layout: try layout(node), sort: try sort(node),
                                    nameOptions: try nameOptions(node, prefixed: true),
                                    namesDelimiter: a["names-delimiter"])
        b.hangingIndent = a["hanging-indent"] == "true"
        b.secondFieldAlign = a["second-field-align"]
        if let v = a["line-spacing"] { b.lineSpacing = try int(v, node) }
        if let v = a["entry-spacing"] { b.entrySpacing = try int(v, node) }
        b.subsequentAuthorSubstitute = a["subsequent-author-substitute"]
        b.subsequentAuthorSubstituteRule = a["subsequent-author-substitute-rule"] ?? "complete-all"
        return b
    }

    private func layout(_ section: XMLNode) throws -> Layout {
        let layouts = section.children("layout")
        guard let node = layouts.first else { throw fail(section, "missing <layout>") }
        for child in section.children where !["layout", "sort"].contains(child.name) {
            throw fail(child, "unknown element inside <\(section.name)>")
        }
        try check(node)
        return Layout(elements: try parseChildren(node), decoration: try decoration(node),
                      delimiter: node.attributes["delimiter"] ?? "")
    }

    private func sort(_ section: XMLNode) throws -> [SortKey] {
        guard let node = section.child("sort") else { return [] }
        return try node.children.map { key in
            guard key.name == "key" else { throw fail(key, "unknown element inside <sort>") }
            try check(key)
            let a = key.attributes
            let source: SortKey.Source
            if let v = a["variable"] { source = .variable(v) } else if let m = a["macro"] { source = .macro(m) } else {
                throw fail(key, "sort key needs variable or macro")
            }
            return SortKey(source: source, ascending: a["sort"] != "descending",
                           namesMin: try a["names-min"].map { try int($0, key) },
                           namesUseFirst: try a["names-use-first"].map { try int($0, key) },
                           namesUseLast: a["names-use-last"].map { $0 == "true" })
        }
    }

    // MARK: shared helpers

    func check(_ node: XMLNode) throws {
        let key = node.name == "else-if" ? "if" : node.name == "else" ? "choose" : node.name
        guard let allowed = AttributeSets.byElement[key] else { throw fail(node, "unknown element") }
        for name in node.attributes.keys where !allowed.contains(name) && !name.hasPrefix("xmlns") {
            throw fail(node, "unknown attribute \"\(name)\"")
        }
    }

    func int(_ value: String, _ node: XMLNode) throws -> Int {
        guard let n = Int(value.trimmingCharacters(in: .whitespaces)) else {
            throw fail(node, "expected an integer, found \"\(value)\"")
        }
        return n
    }

    func enumValue<T: RawRepresentable>(_ node: XMLNode, _ attribute: String) throws -> T? where T.RawValue == String {
        guard let raw = node.attributes[attribute] else { return nil }
        guard let value = T(rawValue: raw) else { throw fail(node, "invalid value \"\(raw)\" for \(attribute)") }
        return value
    }

    func decoration(_ node: XMLNode) throws -> Decoration {
        let a = node.attributes
        var d = Decoration()
        d.prefix = a["prefix"] ?? ""
        d.suffix = a["suffix"] ?? ""
        d.formatting.fontStyle = try enumValue(node, "font-style")
        d.formatting.fontVariant = try enumValue(node, "font-variant")
        d.formatting.fontWeight = try enumValue(node, "font-weight")
        d.formatting.textDecoration = try enumValue(node, "text-decoration")
        d.formatting.verticalAlign = try enumValue(node, "vertical-align")
        d.display = try enumValue(node, "display")
        d.quotes = a["quotes"] == "true"
        d.stripPeriods = a["strip-periods"] == "true"
        d.textCase = try enumValue(node, "text-case")
        return d
    }

    /// Name options; on style/citation/bibliography they use the `name-` prefixed spellings too.
    func nameOptions(_ node: XMLNode, prefixed: Bool) throws -> NameOptions {
        let a = node.attributes
        var o = NameOptions()
        o.and = try enumValue(node, "and")
        o.delimiter = prefixed ? a["name-delimiter"] : a["delimiter"]
        o.delimiterPrecedesEtAl = try enumValue(node, "delimiter-precedes-et-al")
        o.delimiterPrecedesLast = try enumValue(node, "delimiter-precedes-last")
        o.etAlMin = try a["et-al-min"].map { try int($0, node) }
        o.etAlUseFirst = try a["et-al-use-first"].map { try int($0, node) }
        o.etAlUseLast = a["et-al-use-last"].map { $0 == "true" }
        o.etAlSubsequentMin = try a["et-al-subsequent-min"].map { try int($0, node) }
        o.etAlSubsequentUseFirst = try a["et-al-subsequent-use-first"].map { try int($0, node) }
        o.form = try enumValue(node, prefixed ? "name-form" : "form")
        o.initialize = a["initialize"].map { $0 != "false" }
        o.initializeWith = a["initialize-with"]
        o.nameAsSortOrder = try enumValue(node, "name-as-sort-order")
        o.sortSeparator = a["sort-separator"]
        return o
    }
}

extension CSLStyle {
    init(id: String, title: String, styleClass: StyleClass, defaultLocale: String?,
         citation: CitationSection, bibliography: BibliographySection?, macros: [String: [Element]],
         locales: [LocaleData], nameOptions: NameOptions, namesDelimiter: String?) {
        self.id = id
        self.title = title
        self.styleClass = styleClass
        self.defaultLocale = defaultLocale
        self.citation = citation
        self.bibliography = bibliography
        self.macros = macros
        self.locales = locales
        self.nameOptions = nameOptions
        self.namesDelimiter = namesDelimiter
    }
}
