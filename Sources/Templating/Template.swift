/// A parsed template, built once and shared by every render (and every thread).
///
/// The parser's tree of `Node`s is flattened into instructions of plain integers that index tables here: the
/// render loop then copies nothing that needs reference counting (copying the enum was a third of render time).
final class Template: Sendable {
    enum Op: UInt8, Sendable {
        case text, escaped, raw, section, inverted, block, partial, textContent, htmlContent
    }

    /// `a`, `b`, `c`, `d` index the tables below, or are -1; which ones an op uses is in `init`.
    struct Instruction: Sendable {
        var op: Op
        var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1, d: Int32 = -1
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
                instruction = Instruction(op: .text, a: add(text, to: &texts))
            case .variable(let reference, let escaped):
                instruction = Instruction(op: escaped ? .escaped : .raw, a: add(reference, to: &references))
            case .section(let reference, let template):
                instruction = Instruction(op: .section, a: add(reference, to: &references), b: add(template, to: &children))
            case .invertedSection(let reference, let template):
                instruction = Instruction(op: .inverted, a: add(reference, to: &references), b: add(template, to: &children))
            case .block(let name, let fallback, let indentation):
                // a: block name, b: default, c: indentation (in `names`)
                instruction = Instruction(op: .block, a: add(name, to: &names), b: add(fallback, to: &children),
                                          c: add(indentation, to: &names))
            case .blockDefinition:
                continue
            case .partial(let name, let dynamic, let indentation, let blocks):
                // a: template name, b: reference giving the name, c: indentation (in `names`), d: overrides
                instruction = Instruction(op: .partial, a: add(name, to: &names), b: dynamic.map { add($0, to: &references) } ?? -1,
                                          c: indentation.map { add($0, to: &names) } ?? -1, d: blocks.map { add($0, to: &overrides) } ?? -1)
            case .contentType(let escapes):
                instruction = Instruction(op: escapes ? .htmlContent : .textContent)
            }
            instructions.append(instruction)
            if instruction.op == .text, let last = merged.last, last.op == .text {
                texts.append(texts[Int(last.a)] + texts[Int(instruction.a)])
                merged[merged.count - 1].a = Int32(texts.count - 1)
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
