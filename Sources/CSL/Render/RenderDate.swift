extension Renderer {
    func renderDate(_ d: DateElement) -> [Node] {
        guard !isSuppressed(d.variable), let date = item.dates[d.variable], !date.isEmpty else {
            noteVariable(false)
            return []
        }
        capture(d.variable)
        if let literal = date.literal, date.parts.allSatisfy(\.isEmpty) || date.start.isEmpty {
            noteVariable(true)
            return decorate([.tag(.date, RichText.parse(literal))], d.decoration)
        }
        let parts = resolvedParts(d)
        // A localized date takes the delimiter of the locale's format (spec, Localized Date Formats).
        let delimiter = d.localized.map { locale.dateFormats[$0]?.delimiter ?? "" } ?? d.delimiter
        var nodes = DateFormatter(renderer: self, date: date, parts: parts, delimiter: delimiter).render()
        // A date whose requested parts are all missing counts as empty for group suppression.
        noteVariable(!nodes.isBlank)
        guard !nodes.isBlank else { return [] }
        if d.variable == "issued", let suffix = disambiguation.yearSuffix, !yearSuffixRendered,
           !styleUsesYearSuffixVariable, parts.contains(where: { $0.name == .year }) {
            yearSuffixRendered = true
            nodes.append(.tag(.yearSuffix, [.text(YearSuffix.letters(suffix))]))
        }
        return decorate([.tag(.date, nodes)], d.decoration)
    }

    /// The date-parts to print: the locale's for localized dates (restricted by `date-parts`,
    /// with the style's overrides applied), else the element's own.
    private func resolvedParts(_ d: DateElement) -> [DatePartElement] {
        guard let form = d.localized else { return d.dateParts }
        let base = locale.dateFormats[form]?.dateParts ?? []
        let allowed: Set<DatePartElement.Name> = switch d.parts {
        case .year: [.year]
        case .yearMonth: [.year, .month]
        case .yearMonthDay: [.year, .month, .day]
        }
        return base.filter { allowed.contains($0.name) }.map { part in
            guard let override = d.dateParts.first(where: { $0.name == part.name }) else { return part }
            var p = part
            if let f = override.form { p.form = f }
            if let r = override.rangeDelimiter { p.rangeDelimiter = r }
            var deco = p.decoration
            let o = override.decoration
            deco.formatting = Formatting(fontStyle: o.formatting.fontStyle ?? deco.formatting.fontStyle,
                                         fontVariant: o.formatting.fontVariant ?? deco.formatting.fontVariant,
                                         fontWeight: o.formatting.fontWeight ?? deco.formatting.fontWeight,
                                         textDecoration: o.formatting.textDecoration ?? deco.formatting.textDecoration,
                                         verticalAlign: o.formatting.verticalAlign ?? deco.formatting.verticalAlign)
            if let tc = o.textCase { deco.textCase = tc }
            if o.stripPeriods { deco.stripPeriods = true }
            p.decoration = deco
            return p
        }
    }

    var styleUsesYearSuffixVariable: Bool { style.yearSuffixInLayout }
}
