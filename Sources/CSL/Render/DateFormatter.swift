/// Renders a date (or date range) through a list of date-parts.
struct DateFormatter {
    let renderer: Renderer
    let date: CSLDate
    let parts: [DatePartElement]
    let delimiter: String

    private var locale: ResolvedLocale { renderer.locale }

    func render() -> [Node] {
        let start = date.start
        if date.parts.count > 1, date.parts[1].first == 0 {
            // Open range ("1987–").
            let delimiter = parts.first { $0.name == .year }?.rangeDelimiter ?? "\u{2013}"
            return renderSpan(parts, start, dropFirstPrefix: false, dropLastSuffix: true) + [.text(delimiter)]
        }
        if let end = date.end, end != start {
            return renderRange(start, end)
        }
        return renderSpan(parts, start, dropFirstPrefix: false, dropLastSuffix: false)
    }

    private func index(_ name: DatePartElement.Name) -> Int {
        switch name { case .year: 0; case .month: 1; case .day: 2 }
    }

    private func renderRange(_ start: [Int], _ end: [Int]) -> [Node] {
        // The largest unit that differs decides which parts are repeated.
        let differing: DatePartElement.Name
        if start.first != end.first { differing = .year } else if value(start, 1) != value(end, 1) {
            differing = .month
        } else { differing = .day }
        let units: Set<DatePartElement.Name> = switch differing {
        case .year: [.year, .month, .day]
        case .month: [.month, .day]
        case .day: [.day]
        }
        let spanIndexes = parts.indices.filter { units.contains(parts[$0].name) }
        guard let lo = spanIndexes.first, let hi = spanIndexes.last else {
            return renderSpan(parts, start, dropFirstPrefix: false, dropLastSuffix: false)
        }
        let rangeDelimiter = parts.first { $0.name == differing }?.rangeDelimiter ?? "\u{2013}"
        let before = Array(parts[..<lo]), span = Array(parts[lo...hi]), after = Array(parts[(hi + 1)...])
        var ranged = renderSpan(span, start, dropFirstPrefix: false, dropLastSuffix: true)
        ranged.append(.text(rangeDelimiter))
        ranged += renderSpan(span, end, dropFirstPrefix: true, dropLastSuffix: false)
        // The date's delimiter also separates the ranged parts from the shared ones ("2–4 January").
        return renderer.join([renderSpan(before, start, dropFirstPrefix: false, dropLastSuffix: false), ranged,
                              renderSpan(after, start, dropFirstPrefix: false, dropLastSuffix: false)]
            .filter { !$0.isEmpty }, delimiter)
    }

    private func value(_ p: [Int], _ i: Int) -> Int? { i < p.count ? p[i] : nil }

    private func renderSpan(_ span: [DatePartElement], _ values: [Int], dropFirstPrefix: Bool,
                            dropLastSuffix: Bool) -> [Node] {
        var pieces: [[Node]] = []
        let rendered = span.compactMap { part -> (DatePartElement, [Node])? in
            guard let text = self.text(part, values), !text.isEmpty else { return nil }
            return (part, text)
        }
        for (i, (part, content)) in rendered.enumerated() {
            var deco = part.decoration
            if dropFirstPrefix && i == 0 { deco.prefix = "" }
            if dropLastSuffix && i == rendered.count - 1 { deco.suffix = "" }
            pieces.append(renderer.decorate(content, deco))
        }
        return renderer.join(pieces, delimiter)
    }

    private func text(_ part: DatePartElement, _ values: [Int]) -> [Node]? {
        switch part.name {
        case .year:
            guard let year = value(values, 0) else { return nil }
            let form = part.form ?? "long"
            if year < 0 { return [.text("\(-year)\(locale.termText("bc") ?? "BC")")] }
            if year < 1000 && form == "long" { return [.text("\(year)\(locale.termText("ad") ?? "AD")")] }
            return [.text(form == "short" ? String(String(year).suffix(2)) : String(year))]
        case .month:
            if let month = value(values, 1), (13...16).contains(month) {
                return locale.termText("season-0\(month - 12)").map { [.text($0)] }
            }
            guard let month = value(values, 1), (1...12).contains(month) else {
                guard values.count < 2, let season = date.season else {
                    if values.count < 2, let seasonText = date.seasonText { return [.text(seasonText)] }
                    return nil
                }
                return locale.termText("season-0\(season)").map { [.text($0)] }
            }
            switch part.form ?? "long" {
            case "numeric": return [.text(String(month))]
            case "numeric-leading-zeros": return [.text(month < 10 ? "0\(month)" : String(month))]
            case "short": return [.text(locale.termText(monthTerm(month), form: .short) ?? String(month))]
            default: return [.text(locale.termText(monthTerm(month)) ?? String(month))]
            }
        case .day:
            guard let day = value(values, 2), day > 0, let month = value(values, 1), month <= 12 else { return nil }
            switch part.form ?? "numeric" {
            case "numeric-leading-zeros": return [.text(day < 10 ? "0\(day)" : String(day))]
            case "ordinal":
                if locale.limitDayOrdinalsToDay1 && day != 1 { return [.text(String(day))] }
                return [.text(Ordinals.ordinal(day, gender: locale.term(monthTerm(value(values, 1) ?? 1))?.gender, locale: locale))]
            default: return [.text(String(day))]
            }
        }
    }

    private func monthTerm(_ m: Int) -> String { m < 10 ? "month-0\(m)" : "month-\(m)" }
}
