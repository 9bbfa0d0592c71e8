/// One render: walks the template tree, writing UTF-8 bytes into one buffer.
///
/// Lookups, truthiness and indentation follow swift-mustache 2.1.1 (see `TemplateLibrary`).
struct Renderer {
    var output: [UInt8] = []
    /// The context stack: the root value, then one entry per object, text or number section entered.
    var stack: [TemplateValue] = []
    let templates: [String: Template]
    /// Block overrides of the `{{<parent}}` being rendered, outermost first: the outermost wins.
    var overrides: [[String: Template]] = []

    /// What a template renders in besides the stack.
    struct Scope {
        /// Set directly inside a list section (not inside a section or partial within it).
        var position: SequencePosition?
        /// Added after each newline a node ends with, if the next node writes something (empty: none).
        var indentation: [UInt8] = []
        var escapes = true
    }

    init(templates: [String: Template], root: TemplateValue) {
        self.templates = templates
        output.reserveCapacity(16_384)
        stack.reserveCapacity(16)
        stack.append(root)
    }

    mutating func render(_ template: Template, _ scope: Scope) {
        var scope = scope
        if scope.indentation.isEmpty {
            for node in template.merged { render(node, &scope) }
            return
        }
        // As swift-mustache: indentation goes before a node that writes something when what this template wrote
        // so far ends with a newline, so a node's own inner lines (a section's first, a value's) are not indented.
        let start = output.count
        for node in template.nodes {
            let before = output.count
            let afterNewline = before > start && output[before - 1] == UInt8(ascii: "\n")
                && !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r"))
            render(node, &scope)
            if afterNewline, output.count > before {
                output.insert(contentsOf: scope.indentation, at: before)
            }
        }
    }

    mutating func render(_ node: Node, _ scope: inout Scope) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let reference, let escaped):
            guard let value = resolve(reference, scope) else { return }
            switch value {
            case .text(let text): if escaped && scope.escapes { appendEscaped(text) } else { appendRaw(text) }
            case .number(let number): appendRaw(String(number))
            case .flag(let flag): appendRaw(flag ? "true" : "false")
            // swift-mustache would print Swift's debug description (with dictionary keys in no fixed order).
            case .list, .object: break
            }

        case .section(let reference, let template):
            guard let value = resolve(reference, scope) else { return }
            switch value {
            case .list(let items):
                var inner = scope
                for (index, item) in items.enumerated() {
                    inner.position = SequencePosition(index: index, isLast: index == items.count - 1)
                    stack.append(item)
                    render(template, inner)
                    stack.removeLast()
                }
            case .flag(let flag):
                if flag { render(template, scope) }
            default:
                // Text (even empty), numbers (even 0) and objects (even empty) are shown once, on the stack.
                var inner = scope
                inner.position = nil
                stack.append(value)
                render(template, inner)
                stack.removeLast()
            }

        case .invertedSection(let reference, let template):
            switch resolve(reference, scope) {
            case .list(let items)?:
                guard items.isEmpty else { return }
                // As swift-mustache: the empty list goes on the stack.
                var inner = scope
                inner.position = nil
                stack.append(.list(items))
                render(template, inner)
                stack.removeLast()
            case .flag(let flag)?:
                if !flag { render(template, scope) }
            case nil:
                render(template, scope)
            default:
                break
            }

        case .block(let name, let fallback, let indentation):
            var inner = scope
            inner.position = nil
            inner.indentation = scope.indentation + indentation
            render(override(name) ?? fallback, inner)

        case .blockDefinition:
            break

        case .partial(let name, let dynamic, let indentation, let blocks):
            var name = name
            if let dynamic {
                guard case .text(let text)? = resolve(dynamic, scope) else { return }
                name = text
            }
            guard let template = templates[name] else { return }
            var inner = Scope()
            if let indentation { inner.indentation = scope.indentation + indentation } else { inner.indentation = scope.indentation }
            if let blocks {
                overrides.append(blocks)
                render(template, inner)
                overrides.removeLast()
            } else {
                render(template, inner)
            }

        case .contentType(let escapes):
            scope.escapes = escapes
        }
    }

    func override(_ name: String) -> Template? {
        for blocks in overrides {
            if let template = blocks[name] { return template }
        }
        return nil
    }

    /// The value a tag names, or nil.
    func resolve(_ reference: Reference, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue
        var transforms = reference.transforms[...]
        switch reference.root {
        case .current:
            value = stack[stack.count - 1]
        case .sequence:
            guard let position = scope.position, let transform = transforms.popFirst(),
                  let result = transform.apply(to: position) else { return nil }
            value = result
        case .anchored(let path):
            value = stack[stack.count - 1]
            for name in path {
                guard let child = value.field(name) else { return nil }
                value = child
            }
        case .stack(let path):
            // The first name is looked for from the top of the stack down; the rest only in what it found.
            var found: TemplateValue?
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level].field(path[0]) {
                    found = child
                    break
                }
                level -= 1
            }
            guard let first = found else { return nil }
            value = first
            for name in path.dropFirst() {
                guard let child = value.field(name) else { return nil }
                value = child
            }
        }
        for transform in transforms {
            guard let result = transform.apply(to: value) else { return nil }
            value = result
        }
        return value
    }
}
