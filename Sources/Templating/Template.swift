/// A parsed template, built once and shared by every render (and every thread).
///
/// The parser's tree of `Node`s is flattened into instructions of plain integers that index tables here: the
/// render loop then copies nothing that needs reference counting (copying the enum was a third of render time).
final class Template: Sendable {
    /// One step of the render loop. Operands are positions in the tables below (plain integers, so copying an
    /// instruction costs nothing); each is named after what it points to.
    enum Instruction: Sendable {
        /// `texts[text]`, as is.
        case text(text: Int32)
        /// `{{name}}` and `{{{name}}}`: the value of `references[reference]`.
        case escaped(reference: Int32)
        case raw(reference: Int32)
        /// `{{#name}}` and `{{^name}}`: `children[body]` rendered over the value of `references[reference]`.
        case section(reference: Int32, body: Int32)
        case inverted(reference: Int32, body: Int32)
        /// `{{$name}}`: the override of the block `names[name]`, or `children[fallback]`; every line indented by
        /// `names[indentation]`.
        case block(name: Int32, fallback: Int32, indentation: Int32)
        /// `{{> name}}` and `{{< name}}`: the template `names[name]`, or the one the text value of
        /// `references[dynamic]` names; indented by `names[indentation]`; with the block overrides `overrides[overrides]`.
        case partial(name: Int32, dynamic: Int32?, indentation: Int32?, overrides: Int32?)
        /// `{{% CONTENT_TYPE: TEXT }}` and `HTML`.
        case textContent, htmlContent
    }

    /// One text instruction per source line: partial indentation is decided instruction by instruction.
    let instructions: [Instruction]
    /// The same with adjacent text merged: used when there is no indentation to insert, so it renders the same.
    let merged: [Instruction]
    let texts: [String]
    let references: [Reference]
    let children: [Template]
    let names: [String]
    let overrides: [[String: Template]]

    init(_ nodes: [Node]) {
        var texts: [String] = [], references: [Reference] = [], children: [Template] = [], names: [String] = []
        var overrides: [[String: Template]] = []
        func add<T>(_ value: T, to table: inout [T]) -> Int32 {
            table.append(value)
            return Int32(table.count - 1)
        }
        var instructions: [Instruction] = []
        var merged: [Instruction] = []
        for node in nodes {
            let instruction: Instruction
            switch node {
            case .text(let text):
                instruction = .text(text: add(text, to: &texts))
            case .variable(let reference, let escaped):
                let index = add(reference, to: &references)
                instruction = escaped ? .escaped(reference: index) : .raw(reference: index)
            case .section(let reference, let template):
                instruction = .section(reference: add(reference, to: &references), body: add(template, to: &children))
            case .invertedSection(let reference, let template):
                instruction = .inverted(reference: add(reference, to: &references), body: add(template, to: &children))
            case .block(let name, let fallback, let indentation):
                instruction = .block(name: add(name, to: &names), fallback: add(fallback, to: &children),
                                     indentation: add(indentation, to: &names))
            case .blockDefinition:
                continue
            case .partial(let name, let dynamic, let indentation, let blocks):
                instruction = .partial(name: add(name, to: &names), dynamic: dynamic.map { add($0, to: &references) },
                                       indentation: indentation.map { add($0, to: &names) }, overrides: blocks.map { add($0, to: &overrides) })
            case .contentType(let escapes):
                instruction = escapes ? .htmlContent : .textContent
            }
            instructions.append(instruction)
            if case .text(let text) = instruction, case .text(let previous)? = merged.last {
                texts.append(texts[Int(previous)] + texts[Int(text)])
                merged[merged.count - 1] = .text(text: Int32(texts.count - 1))
            } else {
                merged.append(instruction)
            }
        }
        self.instructions = instructions
        self.merged = merged
        self.texts = texts
        self.references = references
        self.children = children
        self.names = names
        self.overrides = overrides
    }
}

/// What the parser builds; `Template` flattens it.
enum Node {
    case text(String)
    case variable(Reference, escaped: Bool)
    case section(Reference, Template)
    case invertedSection(Reference, Template)
    /// `{{$name}}default{{/name}}` in a template: replaced by an override from an enclosing `{{<parent}}`.
    case block(name: String, default: Template, indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}…{{/parent}}`: only seen while parsing.
    case blockDefinition(name: String, Template)
    /// `{{> name}}` (no overrides) or `{{< name}}…{{/name}}` (overrides, possibly none); `{{>*ref}}` and
    /// `{{<*ref}}` take the template's name from the text value `ref`.
    /// `indentation` is nil unless the tag stands alone on its line, or it is a parent.
    case partial(name: String, dynamic: Reference?, indentation: String?, overrides: [String: Template]?)
    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML`: whether later `{{x}}` in this template escape.
    case contentType(escapes: Bool)
}

/// A name in a tag, split once at parse time: `a.b`, `.`, `.a` (current object only), `index()`, `empty(a.b)`.
struct Reference: Sendable {
    enum Root: UInt8, Sendable {
        /// `.`, or an empty name: the top of the context stack.
        case current
        /// `name()`: the position in the enclosing list (`first()`, `index()`…).
        case sequence
        /// `.a.b`: looked up in the top of the stack only.
        case anchored
        /// `a.b`: `a` is looked up from the top of the stack down, `b` in what was found.
        case stack
    }

    let root: Root
    let path: [String]
    /// In the order they apply: `a(b(x))` runs `b` first.
    let transforms: [Transform]

    init(name: String, transforms names: [String]) {
        transforms = names.reversed().map(Transform.init)
        path = name.split(separator: ".").map(String.init)
        if name == "." {
            root = .current
        } else if name.isEmpty, !names.isEmpty {
            root = .sequence
        } else if path.isEmpty {
            root = .current
        } else {
            root = name.first == "." ? .anchored : .stack
        }
    }
}
