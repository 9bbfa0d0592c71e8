/// A parsed template: a tree of nodes, built once, shared by every render (and every thread).
final class Template: Sendable {
    /// The nodes as parsed, one text node per source line: partial indentation is decided node by node.
    let nodes: [Node]
    /// The same with adjacent text merged: used when there is no indentation to insert, so it renders the same.
    let merged: [Node]

    init(_ nodes: [Node]) {
        self.nodes = nodes
        var merged: [Node] = []
        merged.reserveCapacity(nodes.count)
        for node in nodes {
            if case .text(let next) = node, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + next)
            } else {
                merged.append(node)
            }
        }
        self.merged = merged
    }
}

enum Node: Sendable {
    case text([UInt8])
    case variable(Reference, escaped: Bool)
    case section(Reference, Template)
    case invertedSection(Reference, Template)
    /// `{{$name}}default{{/name}}` in a template: replaced by an override from an enclosing `{{<parent}}`.
    case block(name: String, default: Template, indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}…{{/parent}}`: only seen while parsing.
    case blockDefinition(name: String, Template)
    /// `{{> name}}` (no overrides) or `{{< name}}…{{/name}}` (overrides, possibly none); `{{>*ref}}` and
    /// `{{<*ref}}` take the template's name from the text value `ref`.
    /// `indentation` is nil unless the tag stands alone on its line, or it is a parent.
    case partial(name: String, dynamic: Reference?, indentation: [UInt8]?, overrides: [String: Template]?)
    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML`: whether later `{{x}}` in this template escape.
    case contentType(escapes: Bool)
}

/// A name in a tag, split once at parse time: `a.b`, `.`, `.a` (current object only), `index()`, `empty(a.b)`.
struct Reference: Sendable {
    enum Root: Sendable {
        /// `.`, or an empty name: the top of the context stack.
        case current
        /// `name()`: the position in the enclosing list (`first()`, `index()`…).
        case sequence
        /// `.a.b`: looked up in the top of the stack only.
        case anchored([String])
        /// `a.b`: `a` is looked up from the top of the stack down, `b` in what was found.
        case stack([String])
    }

    let root: Root
    /// In the order they apply: `a(b(x))` runs `b` first.
    let transforms: [Transform]

    init(name: String, transforms names: [String]) {
        transforms = names.reversed().map(Transform.init)
        if name == "." {
            root = .current
        } else if name.isEmpty, !names.isEmpty {
            root = .sequence
        } else {
            let path = name.split(separator: ".").map(String.init)
            if name.first == "." {
                root = path.isEmpty ? .current : .anchored(path)
            } else {
                root = path.isEmpty ? .current : .stack(path)
            }
        }
    }
}
