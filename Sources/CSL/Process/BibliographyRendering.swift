extension Document {
    func bibliography() -> [CSLEntry] {
        guard let bib = style.bibliography else { return [] }
        var entries: [CSLEntry] = []
        var previousNames: String?
        var previousPeople: [String] = []
        for id in bibliographyOrder {
            let r = makeRenderer(id, mode: .bibliography)
            var nodes: [Node]
            if bib.secondFieldAlign != nil, let first = bib.layout.elements.first {
                let head = r.render(first)
                let rest = r.render(Array(bib.layout.elements.dropFirst()))
                var deco = bib.layout.decoration
                let prefix = deco.prefix, suffix = deco.suffix
                deco.prefix = ""
                deco.suffix = ""
                let left: [Node] = head.isBlank ? [] : [.display(.leftMargin, [.text(prefix)] + head)]
                let right: [Node] = rest.isBlank ? [] : [.display(.rightInline, rest + [.text(suffix)])]
                nodes = r.decorate(left + right, deco)
            } else {
                var deco = bib.layout.decoration
                let suffix = deco.suffix
                deco.suffix = ""
                nodes = Self.appendingInsideLastBlock(r.decorate(r.render(bib.layout.elements), deco), suffix)
            }
            nodes = Self.trimmingTrailingSpace(nodes)
            if nodes.isBlank { continue }
            if let substitute = bib.subsequentAuthorSubstitute {
                let namesNode = Self.first(.names, in: nodes)
                let names = namesNode.map { Self.removing(.nameLabel, from: [$0]).plainText }
                let people = namesNode.map { Self.people(in: [$0]) } ?? []
                let same = names != nil && names == previousNames
                // Without person names (a title standing in for the author) every rule compares the whole.
                switch people.isEmpty ? "complete-all" : bib.subsequentAuthorSubstituteRule {
                case "complete-each":
                    if same { nodes = Self.replacingPeople(nodes, count: people.count, with: substitute) }
                case "partial-each":
                    let shared = zip(people, previousPeople).prefix { $0 == $1 }.count
                    if shared > 0 { nodes = Self.replacingPeople(nodes, count: shared, with: substitute) }
                case "partial-first":
                    if let first = people.first, first == previousPeople.first {
                        nodes = Self.replacingPeople(nodes, count: 1, with: substitute)
                    }
                default:
                    if same { nodes = Self.replacingFirstNames(nodes, with: substitute) }
                }
                previousNames = names
                previousPeople = people
                // A block left empty (an author replaced by an empty substitute) is no block.
                nodes = nodes.filter { if case .display(_, let c) = $0 { !c.isBlank } else { true } }
            }
            entries.append(CSLEntry(id: id, output: processor.output(nodes)))
        }
        return entries
    }

    /// The layout's suffix closes the entry's text: inside its last block when it ends with one.
    static func appendingInsideLastBlock(_ nodes: [Node], _ suffix: String) -> [Node] {
        guard !suffix.isEmpty, !nodes.isBlank else { return nodes }
        guard let last = nodes.lastIndex(where: { !$0.isEmpty }), case .display(let d, let c) = nodes[last] else {
            return nodes + [.text(suffix)]
        }
        var out = nodes
        out[last] = .display(d, appendingInsideLastBlock(c, suffix))
        return out
    }

    /// A block that ends an entry does not end in the space an element's suffix left behind.
    static func trimmingTrailingSpace(_ nodes: [Node]) -> [Node] {
        guard let last = nodes.lastIndex(where: { !$0.isEmpty }), case .display(let d, let c) = nodes[last] else {
            return nodes
        }
        var out = Array(nodes[...last])
        out[last] = .display(d, trimmingEnd(c))
        return out
    }

    private static func trimmingEnd(_ nodes: [Node]) -> [Node] {
        guard let last = nodes.lastIndex(where: { !$0.isEmpty }) else { return nodes }
        var out = Array(nodes[...last])
        switch out[last] {
        case .text(let s): out[last] = .text(String(s.reversed().drop { $0 == " " }.reversed()))
        case .display(let d, let c): out[last] = .display(d, trimmingEnd(c))
        case .styled(let st, let c): out[last] = .styled(st, trimmingEnd(c))
        case .tag(let t, let c): out[last] = .tag(t, trimmingEnd(c))
        case .nocase(let c): out[last] = .nocase(trimmingEnd(c))
        case .quoted: break
        }
        return out
    }

    /// The names, one by one, of the first names output.
    static func people(in nodes: [Node]) -> [String] {
        var out: [String] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .tag(.personName, let c): out.append(c.plainText)
                case .tag(_, let c), .styled(_, let c), .quoted(let c), .display(_, let c), .nocase(let c): walk(c)
                case .text: break
                }
            }
        }
        walk(nodes)
        return out
    }

    /// Replaces the first `count` names of the first names output by `text` (the -each and
    /// partial rules of subsequent-author-substitute), keeping delimiters and "and".
    static func replacingPeople(_ nodes: [Node], count: Int, with text: String) -> [Node] {
        var left = count
        var inNames = false
        var doneNames = false
        func walk(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                switch node {
                case .tag(.names, let c) where !doneNames:
                    inNames = true
                    let replaced = walk(c)
                    inNames = false
                    doneNames = true
                    return .tag(.names, replaced)
                case .tag(.personName, _) where inNames && left > 0:
                    left -= 1
                    return .tag(.personName, [.text(text)])
                default: return node.mapChildren(walk)
                }
            }
        }
        return walk(nodes)
    }

    /// Replaces the first names output by `text` (subsequent-author-substitute, complete-all).
    static func replacingFirstNames(_ nodes: [Node], with text: String) -> [Node] {
        var done = false
        func walk(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                if done { return node }
                switch node {
                case .tag(.names, let c):
                    done = true
                    // The role label stays: "---, ed." after "Doe, John, ed.".
                    var replaced: [Node] = [.text(text)]
                    for (i, part) in c.enumerated() {
                        guard case .tag(.nameLabel, _) = part else { continue }
                        if i == 0 { replaced.insert(part, at: 0) } else { replaced.append(part) }
                    }
                    return .tag(.names, replaced)
                default: return node.mapChildren(walk)
                }
            }
        }
        return walk(nodes)
    }
}
