extension Renderer {
    func renderLabel(_ l: LabelElement) -> [Node] {
        let variable = l.variable
        let termName: String
        let value: String?
        if variable == "locator" {
            guard let locator = cite.locator, !locator.isEmpty else { return [] }
            // "vol. 1, fol. 186" carries its own labels; "367-368, fig. 333" counts by its first part.
            let embedded = embeddedLabelOffsets(locator)
            if embedded.first == 0 { return [] }
            termName = cite.label ?? "page"
            value = embedded.first.map { String(locator.prefix($0)) } ?? locator
        } else {
            guard !isSuppressed(variable), let v = item.variables[variable], !v.isEmpty else { return [] }
            termName = variable
            value = v
        }
        let plural: Bool
        switch l.plural {
        case .always: plural = true
        case .never: plural = false
        case .contextual: plural = Self.isPluralValue(normalizedAnd(value ?? ""), variable: variable)
        }
        guard let text = locale.termText(termName, form: l.form, plural: plural), !text.isEmpty else { return [] }
        return decorate([.text(text)], l.decoration)
    }

    static let locatorTerms = ["act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
                               "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph",
                               "part", "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp",
                               "title-locator", "verse", "version", "volume"]

    /// Where the locator's own labels start ("fig." in "367-368, fig. 333"): at its start or
    /// after a comma, a locale's short locator term followed by a space.
    func embeddedLabelOffsets(_ locator: String) -> [Int] {
        guard locator.contains(". ") else { return [] }
        let labels = Set(Self.locatorTerms.flatMap { name in
            [false, true].compactMap { locale.termText(name, form: .short, plural: $0) }
        }.filter { $0.hasSuffix(".") })
        var offsets: [Int] = []
        var start = 0
        for piece in locator.split(separator: ",", omittingEmptySubsequences: false) {
            let lead = piece.prefix { $0 == " " }.count
            if let word = piece.dropFirst(lead).split(separator: " ").first, labels.contains(String(word)),
               piece.count > lead + word.count {
                offsets.append(start + lead)
            }
            start += piece.count + 1
        }
        return offsets
    }

    /// "213 and 235" (or the locale's word for "and") counts as a list of numbers.
    func normalizedAnd(_ value: String) -> String {
        guard value.utf8.contains(0x20) else { return value }  // the word sits between spaces
        var v = value
        for word in Set(["and", locale.termText("and") ?? "and"]) {
            v = v.replacingOccurrences(of: " \(word) ", with: " & ")
        }
        return v
    }

    /// Counts for `number-of-*` variables; otherwise several numbers ("1-3", "2, 4") are plural.
    static func isPluralValue(_ value: String, variable: String) -> Bool {
        if variable.hasPrefix("number-of-") {
            return (Int(value.trimmedSpaces) ?? 0) > 1
        }
        return NumericValue(value)?.isPlural ?? false
    }
}

import Foundation
