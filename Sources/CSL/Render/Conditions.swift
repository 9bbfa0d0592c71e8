extension Renderer {
    func evaluate(_ condition: Condition) -> Bool {
        let results = condition.tests.lazy.map(test)
        switch condition.match {
        case .all: return results.allSatisfy { $0 }
        case .any: return results.contains(true)
        case .none: return !results.contains(true)
        }
    }

    private func test(_ t: Condition.Test) -> Bool {
        switch t {
        case .type(let type): return item.type == type
        case .variable(let name, let kind): return hasValue(name, kind)
        case .isNumeric(let name):
            let value = name == "locator" ? cite.locator : item.variables[name]
            guard let value else { return false }
            return NumericValue(value) != nil
        case .isUncertainDate(let name): return item.dates[name]?.circa ?? false
        case .locator(let label):
            guard cite.locator != nil else { return false }
            let actual = cite.label ?? "page"
            return actual == label || (label == "sub-verbo" && actual == "sub verbo")
        case .position(let name):
            guard mode == .citation else { return false }
            switch name {
            case "first": return cite.position == .first
            case "subsequent": return cite.position >= .subsequent
            case "ibid": return cite.position >= .ibidWithLocator
            case "ibid-with-locator": return cite.position == .ibidWithLocator
            case "near-note": return cite.position >= .subsequent && cite.nearNote
            default: return false
            }
        case .disambiguate(let wanted): return disambiguation.disambiguateCondition == wanted
        }
    }

    func hasValue(_ name: String, _ kind: VariableKind.Kind) -> Bool {
        if isSuppressed(name) { return false }
        switch name {
        case "locator": return !(cite.locator ?? "").isEmpty
        case "citation-number": return citationNumber != nil
        case "year-suffix": return disambiguation.yearSuffix != nil
        case "citation-label": return item.variables["citation-label"] != nil || CitationLabel.make(item) != nil
        case "first-reference-note-number": return cite.firstReferenceNoteNumber != nil && cite.position != .first
        default: break
        }
        switch kind {
        case .name: return !(item.names[name] ?? []).isEmpty
        case .date: return !(item.dates[name]?.isEmpty ?? true)
        case .other: return !(item.variables[name] ?? "").isEmpty
        }
    }
}
