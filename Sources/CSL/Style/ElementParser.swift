/// Parsing of the rendering elements (`cs:text`, `cs:names`, `cs:choose`, …).
extension StyleParser {
    func parseChildren(_ node: XMLNode) throws -> [Element] {
        try node.children.map(parseElement)
    }

    func parseElement(_ node: XMLNode) throws -> Element {
        try check(node)
        switch node.name {
        case "text": return .text(try text(node))
        case "number":
            guard let variable = node.attributes["variable"] else { throw fail(node, "number without variable") }
            return .number(NumberElement(variable: variable, form: try enumValue(node, "form") ?? .numeric,
                                         decoration: try decoration(node)))
        case "label": return .label(try label(node))
        case "names": return .names(try names(node))
        case "date": return .date(try date(node, inLocale: false))
        case "group":
            return .group(GroupElement(children: try parseChildren(node),
                                       delimiter: node.attributes["delimiter"] ?? "",
                                       decoration: try decoration(node)))
        case "choose": return .choose(try choose(node))
        default: throw fail(node, "unknown rendering element")
        }
    }

    private func text(_ node: XMLNode) throws -> TextElement {
        let a = node.attributes
        let source: TextElement.Source
        if let v = a["variable"] {
            source = .variable(v, short: a["form"] == "short")
        } else if let m = a["macro"] {
            source = .macro(m)
        } else if let t = a["term"] {
            source = .term(t, form: try enumValue(node, "form") ?? .long, plural: a["plural"] == "true")
        } else if let v = a["value"] {
            source = .value(v)
        } else {
            throw fail(node, "text needs one of variable, macro, term or value")
        }
        return TextElement(source: source, decoration: try decoration(node))
    }

    func label(_ node: XMLNode) throws -> LabelElement {
        try check(node)
        return LabelElement(variable: node.attributes["variable"] ?? "",
                            form: try enumValue(node, "form") ?? .long,
                            plural: try enumValue(node, "plural") ?? .contextual,
                            decoration: try decoration(node))
    }

    private func names(_ node: XMLNode) throws -> NamesElement {
        guard let vars = node.attributes["variable"] else { throw fail(node, "names without variable") }
        var result = NamesElement(variables: vars.split(separator: " ").map(String.init), name: nil, etAl: nil,
                                  label: nil, labelBeforeName: false, substitute: nil,
                                  delimiter: node.attributes["delimiter"], decoration: try decoration(node))
        for child in node.children {
            try check(child)
            switch child.name {
            case "name":
                var name = NameElement(options: try nameOptions(child, prefixed: false),
                                       decoration: try decoration(child))
                for part in child.children {
                    guard part.name == "name-part" else { throw fail(part, "unknown element inside <name>") }
                    try check(part)
                    switch part.attributes["name"] {
                    case "family": name.family = try decoration(part)
                    case "given": name.given = try decoration(part)
                    default: throw fail(part, "name-part needs name=\"family\" or \"given\"")
                    }
                }
                result.name = name
                result.labelBeforeName = result.label != nil
            case "et-al":
                result.etAl = EtAlElement(term: child.attributes["term"] ?? "et-al", decoration: try decoration(child))
            case "label":
                result.label = try label(child)
            case "substitute":
                result.substitute = try parseChildren(child)
            default:
                throw fail(child, "unknown element inside <names>")
            }
        }
        return result
    }

    func date(_ node: XMLNode, inLocale: Bool) throws -> DateElement {
        let a = node.attributes
        let variable = a["variable"] ?? ""
        if !inLocale && variable.isEmpty { throw fail(node, "date without variable") }
        let localized: DateElement.LocalizedForm? = try enumValue(node, "form")
        let parts: DateElement.Parts = try enumValue(node, "date-parts") ?? .yearMonthDay
        var dateParts: [DatePartElement] = []
        for child in node.children {
            guard child.name == "date-part" else { throw fail(child, "unknown element inside <date>") }
            try check(child)
            guard let nameRaw = child.attributes["name"], let name = DatePartElement.Name(rawValue: nameRaw) else {
                throw fail(child, "date-part needs name day, month or year")
            }
            dateParts.append(DatePartElement(name: name, form: child.attributes["form"],
                                             rangeDelimiter: child.attributes["range-delimiter"],
                                             decoration: try decoration(child)))
        }
        return DateElement(variable: variable, localized: localized, parts: parts, dateParts: dateParts,
                           delimiter: a["delimiter"] ?? "", decoration: try decoration(node))
    }

    private func choose(_ node: XMLNode) throws -> ChooseElement {
        var result = ChooseElement(branches: [], otherwise: [])
        for (index, branch) in node.children.enumerated() {
            try check(branch)
            switch branch.name {
            case "if" where index == 0, "else-if" where index > 0:
                result.branches.append((try condition(branch), try parseChildren(branch)))
            case "else" where index > 0 && index == node.children.count - 1:
                result.otherwise = try parseChildren(branch)
            default:
                throw fail(branch, "misplaced element inside <choose>")
            }
        }
        return result
    }

    private func condition(_ node: XMLNode) throws -> Condition {
        let a = node.attributes
        var tests: [Condition.Test] = []
        func words(_ key: String) -> [String] { a[key]?.split(separator: " ").map(String.init) ?? [] }
        tests += words("type").map { .type($0) }
        tests += words("variable").map { .variable($0, VariableKind.kind(of: $0)) }
        tests += words("is-numeric").map { .isNumeric($0) }
        tests += words("is-uncertain-date").map { .isUncertainDate($0) }
        tests += words("locator").map { .locator($0) }
        tests += words("position").map { .position($0) }
        if let d = a["disambiguate"] { tests.append(.disambiguate(d == "true")) }
        if tests.isEmpty { throw fail(node, "condition without any test") }
        return Condition(match: try enumValue(node, "match") ?? .all, tests: tests)
    }
}
