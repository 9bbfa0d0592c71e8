/// Renders one item through a layout. Create one per rendering; it keeps the mutable state
/// the spec needs (substituted variables, group suppression counters, year-suffix placement).
final class Renderer {
    let context: StyleContext
    var style: CSLStyle { context.style }
    var locale: ResolvedLocale { context.locale }
    let item: CSLItem
    let cite: CiteData
    let mode: RenderMode
    let disambiguation: Disambiguation
    let citationNumber: Int?
    /// Name options inherited from the style and the active citation/bibliography section.
    let inheritedNames: NameOptions
    let inheritedNamesDelimiter: String?
    /// Overrides from a sort key's names-min / names-use-first / names-use-last.
    var sortNameOverride: (min: Int?, useFirst: Int?, useLast: Bool?)?

    /// Variables consumed by a `cs:substitute`, suppressed for the rest of the layout.
    var suppressed: Set<String> = []
    /// Counters for the group rule: variables tried, and how many were non-empty.
    var variablesCalled = 0
    var variablesRendered = 0
    var yearSuffixRendered = false
    /// Variables rendered non-empty, gathered while trying a substitute.
    var captured: Set<String> = []
    /// Inside `cs:substitute`, a names variable is printed once: later calls are suppressed.
    var substituting = 0
    var macroDepth = 0
    /// Shared memo of the document being rendered, if any.
    var cache: RenderCache?
    /// suppress-author: the first `cs:names` output is dropped (still counting as rendered).
    var suppressFirstNames = false

    init(context: StyleContext, item: CSLItem, cite: CiteData, mode: RenderMode,
         disambiguation: Disambiguation, citationNumber: Int?, bibliographySection: Bool? = nil) {
        self.context = context
        self.item = item
        self.cite = cite
        self.mode = mode
        self.disambiguation = disambiguation
        self.citationNumber = citationNumber
        // Name options inherit from the section being rendered (or sorted).
        if bibliographySection ?? (mode == .bibliography), let bibliography = context.style.bibliography {
            inheritedNames = bibliography.nameOptions.over(context.style.nameOptions)
            inheritedNamesDelimiter = bibliography.namesDelimiter ?? context.style.namesDelimiter
        } else {
            inheritedNames = context.style.citation.nameOptions.over(context.style.nameOptions)
            inheritedNamesDelimiter = context.style.citation.namesDelimiter ?? context.style.namesDelimiter
        }
    }

    func render(_ elements: [Element]) -> [Node] {
        var out: [Node] = []
        for element in elements { out += render(element) }
        return out
    }

    func render(_ element: Element) -> [Node] {
        switch element {
        case .text(let t): return renderText(t)
        case .number(let n): return renderNumber(n)
        case .label(let l): return renderLabel(l)
        case .names(let n): return renderNames(n)
        case .date(let d): return renderDate(d)
        case .group(let g): return renderGroup(g)
        case .choose(let c): return renderChoose(c)
        }
    }

    /// Whether a substitute consumed `name` (the set is almost always empty: skip hashing).
    func isSuppressed(_ name: String) -> Bool {
        !suppressed.isEmpty && suppressed.contains(name)
    }

    /// Notes a variable rendered non-empty; only a substitute being tried needs to know.
    func capture(_ name: String) {
        if substituting > 0 { captured.insert(name) }
    }

    /// Records that a variable was asked for, and whether it produced anything.
    func noteVariable(_ nonEmpty: Bool) {
        variablesCalled += 1
        if nonEmpty { variablesRendered += 1 }
    }

    func renderGroup(_ group: GroupElement) -> [Node] {
        let calledBefore = variablesCalled, renderedBefore = variablesRendered
        var parts: [[Node]] = []
        for child in groupChildren(group.children) {
            let out = render(child)
            if !out.isBlank { parts.append(out) }
        }
        let called = variablesCalled - calledBefore
        let rendered = variablesRendered - renderedBefore
        // Suppress the group if it asked for variables and none of them had a value.
        if parts.isEmpty || (called > 0 && rendered == 0) { return [] }
        // A group that rendered something counts as non-empty content for enclosing groups.
        variablesCalled = calledBefore + 1
        variablesRendered = renderedBefore + 1
        return decorate(join(parts, group.delimiter), group.decoration)
    }

    func renderChoose(_ choose: ChooseElement) -> [Node] {
        render(chosenBranch(choose))
    }

    func chosenBranch(_ choose: ChooseElement) -> [Element] {
        for branch in choose.branches where evaluate(branch.condition) { return branch.body }
        return choose.otherwise
    }

    /// A group's delimiter separates the elements of a chosen branch as if they were the group's
    /// own ("New York: Putnam" from `<group delimiter=": "><choose>…<text/><text/>`), as
    /// citeproc-js and pandoc do.
    private func groupChildren(_ children: [Element]) -> [Element] {
        guard children.contains(where: { if case .choose = $0 { true } else { false } }) else { return children }
        var out: [Element] = []
        for child in children {
            if case .choose(let c) = child { out += groupChildren(chosenBranch(c)) } else { out.append(child) }
        }
        return out
    }

    func join(_ parts: [[Node]], _ delimiter: String) -> [Node] {
        var out: [Node] = []
        for (i, part) in parts.enumerated() {
            if i > 0 && !delimiter.isEmpty { out.append(.text(delimiter)) }
            out += part
        }
        return out
    }
}
