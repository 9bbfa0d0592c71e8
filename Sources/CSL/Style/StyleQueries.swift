extension CSLStyle {
    /// Whether any layout or macro tests `disambiguate="true"`.
    var usesDisambiguateCondition: Bool {
        func uses(_ elements: [Element]) -> Bool {
            elements.contains { element in
                switch element {
                case .group(let g): return uses(g.children)
                case .choose(let c):
                    return c.branches.contains { branch in
                        branch.condition.tests.contains { if case .disambiguate = $0 { return true }; return false }
                            || uses(branch.body)
                    } || uses(c.otherwise)
                case .names(let n): return n.substitute.map(uses) ?? false
                default: return false
                }
            }
        }
        return uses(citation.layout.elements) || macros.values.contains(where: uses)
    }

    /// Whether citations need the disambiguation pass at all.
    var needsDisambiguation: Bool {
        citation.addNames || citation.addGivenname || citation.addYearSuffix || disambiguateConditionInLayout
    }

    /// True if any layout or macro prints `year-suffix` itself (then it is not added to dates).
    var usesYearSuffixVariable: Bool {
        func uses(_ elements: [Element]) -> Bool {
            elements.contains { element in
                switch element {
                case .text(let t): if case .variable("year-suffix", _) = t.source { return true }; return false
                case .number(let n): return n.variable == "year-suffix"
                case .group(let g): return uses(g.children)
                case .choose(let c): return c.branches.contains { uses($0.body) } || uses(c.otherwise)
                case .names(let n): return n.substitute.map(uses) ?? false
                default: return false
                }
            }
        }
        return uses(citation.layout.elements) || macros.values.contains(where: uses)
            || (bibliography.map { uses($0.layout.elements) } ?? false)
    }
}
