import Foundation

extension Renderer {
    func renderNumber(_ n: NumberElement) -> [Node] {
        let raw: String?
        if n.variable == "locator" { raw = cite.locator } else if n.variable == "citation-number" {
            raw = citationNumber.map(String.init)
        } else { raw = isSuppressed(n.variable) ? nil : item.variables[n.variable] }
        guard let raw, !raw.isEmpty else { noteVariable(false); return [] }
        noteVariable(true)
        guard let value = NumericValue(raw) else { return decorate(RichText.parse(raw), n.decoration) }
        let gender = locale.term(n.variable == "locator" ? (cite.label ?? "page") : n.variable)?.gender
        let text = value.render(rangeDelimiter: "\u{2013}") { number in
            guard let int = Int(number) else { return number }
            switch n.form {
            case .numeric: return number
            case .ordinal: return Ordinals.ordinal(int, gender: gender, locale: locale)
            case .longOrdinal: return Ordinals.longOrdinal(int, gender: gender, locale: locale)
            case .roman: return Ordinals.roman(int)
            }
        }
        var nodes: [Node] = [.text(text)]
        if n.variable == "citation-number" { nodes = [.tag(.citationNumber, nodes)] }
        return decorate(nodes, n.decoration)
    }
}
