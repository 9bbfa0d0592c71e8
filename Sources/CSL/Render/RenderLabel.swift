extension Renderer {
    func renderLabel(_ l: LabelElement) -> [Node] {
        let variable = l.variable
        let termName: String
        let value: String?
        if variable == "locator" {
            guard let locator = cite.locator, !locator.isEmpty else { return [] }
            termName = cite.label ?? "page"
            value = locator
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
