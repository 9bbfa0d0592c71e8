/// One render: walks the template instructions, appending to one String.
///
/// Lookups, truthiness and indentation follow swift-mustache 2.1.1 (see `TemplateLibrary`).
struct Renderer {
    /// A String, not bytes: appending valid strings needs no UTF-8 validation at the end.
    var output = ""
    /// The context stack: the root value, then one entry per object, text or number section entered.
    var stack: [TemplateValue] = []
    let templates: [String: Template]
    /// Block overrides of the `{{<parent}}`s being rendered, outermost first: the outermost wins.
    var overrides: [[String: Template]] = []

    /// What a template renders in besides the stack.
    struct Scope {
        /// Set directly inside a list section (not inside a section or partial within it).
        var position: SequencePosition?
        /// Added after each newline an instruction ends with, if the next one writes something (empty: none).
        var indentation = ""
        /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off to the end of its template, sections and blocks in it
        /// included; a partial starts escaping again.
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
            for instruction in template.merged { render(instruction, of: template, &scope) }
            return
        }
        // As swift-mustache: indentation goes before an instruction that writes something when what this template
        // wrote so far ends with a newline; so the first line of a section or of each list item is not indented.
        let start = output.utf8.count
        for instruction in template.instructions {
            let before = output.utf8.count
            let afterNewline = before > start && byte(before - 1) == UInt8(ascii: "\n")
                && !(before - 2 >= start && byte(before - 2) == UInt8(ascii: "\r"))
            render(instruction, of: template, &scope)
            if afterNewline, output.utf8.count > before {
                output.insert(contentsOf: scope.indentation, at: output.utf8.index(output.utf8.startIndex, offsetBy: before))
            }
        }
    }

    func byte(_ offset: Int) -> UInt8 {
        output.utf8[output.utf8.index(output.utf8.startIndex, offsetBy: offset)]
    }

    mutating func render(_ instruction: Template.Instruction, of template: Template, _ scope: inout Scope) {
        switch instruction {
        case .text(let text):
            output += template.texts[Int(text)]

        case .escaped(let reference):
            interpolate(template.references[Int(reference)], escaped: scope.escapes, scope)
        case .raw(let reference):
            interpolate(template.references[Int(reference)], escaped: false, scope)

        case .section(let reference, let body):
            guard let value = resolve(template.references[Int(reference)], scope) else { return }
            let body = template.children[Int(body)]
            switch value {
            case .list(let items):
                var inner = scope
                for index in items.indices {
                    inner.position = SequencePosition(index: index, isLast: index == items.count - 1)
                    stack.append(items[index])
                    render(body, inner)
                    stack.removeLast()
                }
            case .flag(let flag):
                if flag { render(body, scope) }
            default:
                // Text (even empty), numbers (even 0) and objects (even empty) are shown once, on the stack.
                var inner = scope
                inner.position = nil
                stack.append(value)
                render(body, inner)
                stack.removeLast()
            }

        case .inverted(let reference, let body):
            let body = template.children[Int(body)]
            switch resolve(template.references[Int(reference)], scope) {
            case .list(let items)?:
                guard items.isEmpty else { return }
                // As swift-mustache: the empty list goes on the stack.
                var inner = scope
                inner.position = nil
                stack.append(.list(items))
                render(body, inner)
                stack.removeLast()
            case .flag(let flag)?:
                if !flag { render(body, scope) }
            case nil:
                render(body, scope)
            default:
                break
            }

        case .block(let name, let fallback, let indentation):
            var inner = scope
            inner.position = nil
            inner.indentation += template.names[Int(indentation)]
            render(override(template.names[Int(name)]) ?? template.children[Int(fallback)], inner)

        case .partial(let nameIndex, let dynamic, let indentation, let overrideIndex):
            var name = template.names[Int(nameIndex)]
            if let dynamic {
                guard case .text(let text)? = resolve(template.references[Int(dynamic)], scope) else { return }
                name = text
            }
            guard let partial = templates[name] else { return }
            var inner = Scope(position: nil, indentation: scope.indentation)
            if let indentation { inner.indentation += template.names[Int(indentation)] }
            if let overrideIndex {
                overrides.append(template.overrides[Int(overrideIndex)])
                render(partial, inner)
                overrides.removeLast()
            } else {
                render(partial, inner)
            }

        case .textContent:
            scope.escapes = false
        case .htmlContent:
            scope.escapes = true
        }
    }

    /// `{{name}}` (escaped) and `{{{name}}}`.
    mutating func interpolate(_ reference: Reference, escaped: Bool, _ scope: Scope) {
        guard let value = resolve(reference, scope) else { return }
        switch value {
        case .text(let text): if escaped { appendEscaped(text) } else { output += text }
        case .number(let number): output += String(number)
        case .flag(let flag): output += flag ? "true" : "false"
        // swift-mustache would print Swift's debug description (with dictionary keys in no fixed order).
        case .list, .object: break
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
        var next = 0  // the first transform not yet applied
        let path = reference.path
        switch reference.root {
        case .current:
            value = stack[stack.count - 1]
        case .sequence:
            guard let position = scope.position, let result = reference.transforms[0].apply(to: position) else { return nil }
            value = result
            next = 1
        case .anchored:
            value = stack[stack.count - 1]
            for name in path {
                guard let child = value.field(name) else { return nil }
                value = child
            }
        case .stack:
            // The first name is looked for from the top of the stack down; the rest only in what it found.
            var level = stack.count - 1
            while true {
                guard level >= 0 else { return nil }
                if let child = stack[level].field(path[0]) {
                    value = child
                    break
                }
                level -= 1
            }
            var index = 1
            while index < path.count {
                guard let child = value.field(path[index]) else { return nil }
                value = child
                index += 1
            }
        }
        while next < reference.transforms.count {
            guard let result = reference.transforms[next].apply(to: value) else { return nil }
            value = result
            next += 1
        }
        return value
    }
}
