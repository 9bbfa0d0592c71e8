extension Renderer {
    func renderNames(_ n: NamesElement) -> [Node] {
        var lists: [(variable: String, names: [CSLName])] = []
        for variable in n.variables where !isSuppressed(variable) {
            if let names = item.names[variable], !names.isEmpty { lists.append((variable, names)) }
        }
        if lists.isEmpty {
            noteVariable(false)
            guard let substitute = n.substitute else { return [] }
            return renderSubstitute(substitute, parent: n)
        }
        noteVariable(true)
        if substituting > 0 { captured.formUnion(lists.map(\.variable)) }
        if substituting > 0 { suppressed.formUnion(lists.map(\.variable)) }
        // Identical editor and translator lists print once, labelled "editortranslator".
        var labelTerms: [String] = lists.map(\.variable)
        if let e = lists.firstIndex(where: { $0.variable == "editor" }),
           let t = lists.firstIndex(where: { $0.variable == "translator" }), lists[e].names == lists[t].names,
           n.label == nil || !(locale.termText("editortranslator", form: n.label!.form) ?? "").isEmpty {
            labelTerms[e] = "editortranslator"
            lists.remove(at: t)
            labelTerms.remove(at: t)
        }
        let options = effectiveOptions(n.name)
        if options.form == .count {
            let total = lists.reduce(0) { $0 + shownCount($1.names.count, options) }
            return total == 0 ? [] : decorate([.text(String(total))], n.decoration)
        }
        var parts: [[Node]] = []
        for (index, list) in lists.enumerated() {
            var out = renderNameList(list.names, variable: list.variable, element: n, options: options)
            // Sort keys compare the names alone: "Doe, John ed." sorts as "Doe, John".
            if let label = n.label, !out.isEmpty, mode != .sort {
                let plural = label.plural == .always || (label.plural == .contextual && list.names.count > 1)
                if let text = locale.termText(labelTerms[index], form: label.form, plural: plural), !text.isEmpty {
                    let labelNodes: [Node] = [.tag(.nameLabel, decorate([.text(text)], label.decoration))]
                    out = n.labelBeforeName ? labelNodes + out : out + labelNodes
                }
            }
            parts.append(out)
        }
        let delimiter = n.delimiter ?? inheritedNamesDelimiter ?? ""
        if suppressFirstNames {
            suppressFirstNames = false
            return []
        }
        return decorate([.tag(.names, join(parts, delimiter))], n.decoration)
    }

    /// Renders the first non-empty substitute; its variables are then suppressed.
    private func renderSubstitute(_ elements: [Element], parent: NamesElement) -> [Node] {
        for element in elements {
            var element = element
            if case .names(var inner) = element, inner.name == nil, inner.etAl == nil {
                inner.name = parent.name
                inner.etAl = parent.etAl
                if inner.label == nil { inner.label = parent.label; inner.labelBeforeName = parent.labelBeforeName }
                if inner.delimiter == nil { inner.delimiter = parent.delimiter }
                element = .names(inner)
            }
            let saved = captured
            captured = []
            let calledBefore = variablesCalled, renderedBefore = variablesRendered
            substituting += 1
            let out = render(element)
            substituting -= 1
            let used = captured
            captured = saved.union(used)
            if !out.isBlank {
                suppressed.formUnion(used)
                variablesCalled = calledBefore + 1
                variablesRendered = renderedBefore + 1
                if case .names = element { return decorate(out, parent.decoration.affixesOnly) }
                return decorate([.tag(.names, out)], parent.decoration.affixesOnly)
            }
            variablesCalled = calledBefore
            variablesRendered = renderedBefore
            suppressed.subtract(used)
        }
        return []
    }

    func effectiveOptions(_ name: NameElement?) -> NameOptions {
        var options = (name?.options ?? NameOptions()).over(inheritedNames)
        if mode == .citation && cite.position != .first {
            if let m = options.etAlSubsequentMin { options.etAlMin = m }
            if let u = options.etAlSubsequentUseFirst { options.etAlUseFirst = u }
        }
        if let o = sortNameOverride {
            if let m = o.min { options.etAlMin = m }
            if let u = o.useFirst { options.etAlUseFirst = u }
            if let l = o.useLast { options.etAlUseLast = l }
        }
        return options
    }

    /// How many names are printed before "et al." (all of them if et-al does not apply).
    func shownCount(_ total: Int, _ options: NameOptions) -> Int {
        guard let min = options.etAlMin, let first = options.etAlUseFirst, total >= min else { return total }
        if first == 0 && disambiguation.minNames == nil { return 0 }
        var shown = first
        if let extra = disambiguation.minNames { shown = Swift.max(shown, extra) }
        return Swift.min(total, shown)
    }

    private func renderNameList(_ names: [CSLName], variable: String, element n: NamesElement,
                                options: NameOptions) -> [Node] {
        let shown = shownCount(names.count, options)
        if shown == 0 { return [] }
        let truncated = shown < names.count
        var formatter = NameFormatter(options: options, element: n.name, demoteParticle: style.demoteNonDroppingParticle,
                                      initializeWithHyphen: style.initializeWithHyphen)
        formatter.sorting = mode == .sort
        formatter.cache = cache
        let delimiter = options.delimiter ?? ", "
        var rendered: [[Node]] = []
        var inverted: [Bool] = []
        for (i, name) in names.prefix(shown).enumerated() {
            let invert = mode == .sort || options.nameAsSortOrder == .all || (options.nameAsSortOrder == .first && i == 0)
            inverted.append(invert && name.literal == nil && name.given != nil)
            rendered.append(formatter.render(name, inverted: invert, givenLevel: givenLevel(name)))
        }
        var out: [Node] = []
        let useLast = truncated && options.etAlUseLast == true && names.count - shown >= 2
        if mode == .sort {
            // Sort keys compare name by name, so no "and" or punctuation between them.
            var keyParts = rendered
            if useLast, let last = names.last {
                keyParts.append(formatter.render(last, inverted: true, givenLevel: givenLevel(last)))
            }
            return join(keyParts, "\u{1}")
        }
        let andTerm: String? = switch options.and {
        case .text: locale.termText("and") ?? "and"
        case .symbol: "&"
        case nil: nil
        }
        for (i, nodes) in rendered.enumerated() {
            if i > 0 {
                let isLast = i == rendered.count - 1 && !truncated
                if isLast, let andTerm {
                    let precedes = Self.delimiterApplies(options.delimiterPrecedesLast ?? .contextual,
                                                         count: rendered.count, previousInverted: inverted[i - 1])
                    out.append(.text((precedes ? delimiter : " ") + andTerm + " "))
                } else {
                    out.append(.text(delimiter))
                }
            }
            out.append(.tag(.personName, nodes))
        }
        if useLast, let last = names.last {
            out.append(.text(delimiter + "\u{2026} "))
            let invert = mode == .sort || options.nameAsSortOrder == .all
            out.append(.tag(.personName, formatter.render(last, inverted: invert, givenLevel: givenLevel(last))))
        } else if truncated {
            let etAl = n.etAl ?? EtAlElement(term: "et-al", decoration: .none)
            if let term = locale.termText(etAl.term), !term.isEmpty {
                let precedes = Self.delimiterApplies(options.delimiterPrecedesEtAl ?? .contextual,
                                                     count: shown + 1, previousInverted: inverted.last ?? false)
                out.append(.text(precedes ? delimiter : " "))
                out += decorate([.text(term)], etAl.decoration)
            }
        }
        if let d = n.name?.decoration { out = decorate(out, d) }
        return out
    }

    func givenLevel(_ name: CSLName) -> Int {
        disambiguation.givenLevels[NameKey.of(name)] ?? 0
    }

    static func delimiterApplies(_ rule: NameOptions.Precedes, count: Int, previousInverted: Bool) -> Bool {
        switch rule {
        case .always: return true
        case .never: return false
        case .afterInvertedName: return previousInverted
        case .contextual: return count > 2
        }
    }
}

enum NameKey {
    static func of(_ name: CSLName) -> String {
        name.literal ?? "\(name.nonDroppingParticle ?? "") \(name.family ?? "")|\(name.given ?? "")"
    }
}

extension Decoration {
    /// Only prefix and suffix: what a substituting element inherits from its `cs:names`.
    var affixesOnly: Decoration {
        var d = Decoration()
        d.prefix = prefix
        d.suffix = suffix
        d.formatting = formatting
        return d
    }
}
