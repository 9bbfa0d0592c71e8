/// Turns template text into a `Template`.
///
/// It follows swift-mustache 2.1.1's parser step by step (on UTF-8 bytes instead of Characters), because which
/// whitespace a standalone tag removes, and which indentation a partial gets, must come out byte for byte the same.
/// Its quirks are kept on purpose; they are marked "as swift-mustache".
struct TemplateParser {
    let bytes: [UInt8]
    var position = 0

    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// What a nested call to `parse` knows about where it is.
    struct State {
        /// The section, block or parent being read, and where its tag started (for errors).
        var sectionName: String?
        var sectionTransforms: [String] = []
        var sectionKind = ""
        var sectionOffset = 0
        /// At the start of a line: the next tag may stand alone.
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        /// Inside a block override, the first line's indentation is removed from every line.
        var partialDefinitionIndent: Int?
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)

        func section(_ name: String, transforms: [String], newLine: Bool, kind: String, offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.sectionKind = kind
            state.sectionOffset = offset
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func parent(_ name: String, offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.sectionKind = "<"
            state.sectionOffset = offset
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static func parse(_ source: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(bytes: Array(source.utf8))
        do {
            return Template(try parser.parse(State()))
        } catch {
            throw TemplateSyntaxError(message: error.message, offset: error.offset, in: parser.bytes)
        }
    }

    // MARK: The main loop

    /// Reads text and tags up to the end of the section being read (or of the template), one tag kind per method.
    mutating func parse(_ initial: State) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        // Spaces and tabs at the start of the line: dropped if the tag after them stands alone.
        var whitespace = position..<position
        while position < bytes.count {
            if state.newLine {
                readLineStart(&state, &whitespace)
            }
            let text = readUntilTagOrNewline(state)
            // As swift-mustache: also when a newline follows a start delimiter directly ("{{" is then dropped).
            if let newline = newlineLength(at: position) {
                nodes.append(.text(string(Array(bytes[whitespace]) + bytes[text] + bytes[position..<position + newline])))
                state.newLine = true
                position += newline
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(string(Array(bytes[whitespace]) + bytes[text])))
                whitespace = position..<position
                state.newLine = false
            }
            // As swift-mustache: a start delimiter at the very end is dropped.
            guard position < bytes.count else { break }
            let tag = Tag(offset: position - state.start.count, kind: bytes[position])
            let standalone: Bool
            switch tag.kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                standalone = try readSection(tag, state, &whitespace, into: &nodes)
            case UInt8(ascii: "/"):
                try readClosingTag(tag, state, whitespace, into: &nodes)
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state, tagOffset: tag.offset)
                // As swift-mustache: whitespace before a comment that does not stand alone is kept for what follows.
                standalone = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                try readUnescapedVariable(tag, state, &whitespace, into: &nodes)
                standalone = false
            case UInt8(ascii: ">"):
                standalone = try readPartial(tag, state, &whitespace, into: &nodes)
            case UInt8(ascii: "<"):
                standalone = try readParent(tag, state, &whitespace, into: &nodes)
            case UInt8(ascii: "$"):
                standalone = try readBlock(tag, state, &whitespace, into: &nodes)
            case UInt8(ascii: "="):
                position += 1
                state = try readDelimiters(state, tagOffset: tag.offset)
                standalone = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readPragma(state, tagOffset: tag.offset))
                standalone = isStandalone(state)
            default:
                flush(&whitespace, into: &nodes)
                let (name, transforms) = try readName(state, tagOffset: tag.offset)
                nodes.append(.variable(Reference(name: name, transforms: transforms), escaped: true))
                standalone = false
            }
            // As swift-mustache: after a section, "at the start of a line" is whether its opening tag stood alone.
            state.newLine = standalone
        }
        if let name = state.sectionName {
            throw Failure(message: "unclosed section {{\(state.sectionKind)\(Self.display(name, state.sectionTransforms))}}",
                          offset: state.sectionOffset)
        }
        return nodes
    }

    /// A tag after its start delimiter: where it starts (for errors) and its first byte (`#`, `/`, `>`…).
    struct Tag {
        let offset: Int
        let kind: UInt8
    }

    /// Reads a line's leading spaces and tabs into `whitespace` (what a standalone tag after them drops). Inside a
    /// block override, the first line's indentation is removed from every line (as swift-mustache, that first
    /// line leaves `whitespace` as it was).
    mutating func readLineStart(_ state: inout State, _ whitespace: inout Range<Int>) {
        let leading = readSpacesAndTabs()
        guard state.isPartialDefinition, !state.isPartialDefinitionTopLevel else {
            whitespace = leading
            return
        }
        if let indent = state.partialDefinitionIndent {
            whitespace = min(leading.lowerBound + indent, leading.upperBound)..<leading.upperBound
        } else {
            state.partialDefinitionIndent = leading.count
        }
    }

    /// Keeps pending leading whitespace as text (the tag after it does not stand alone).
    mutating func flush(_ whitespace: inout Range<Int>, into nodes: inout [Node]) {
        guard !whitespace.isEmpty else { return }
        nodes.append(.text(string(bytes[whitespace])))
        whitespace = position..<position
    }

    // MARK: One method per tag kind

    /// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    mutating func readSection(_ tag: Tag, _ state: State, _ whitespace: inout Range<Int>, into nodes: inout [Node]) throws(Failure) -> Bool {
        let inverted = tag.kind == UInt8(ascii: "^")
        position += 1
        let (name, transforms) = try readName(state, tagOffset: tag.offset)
        let standalone = isStandalone(state)
        if !standalone { flush(&whitespace, into: &nodes) }
        let inner = try parse(state.section(name, transforms: transforms, newLine: standalone,
                                            kind: inverted ? "^" : "#", offset: tag.offset))
        let reference = Reference(name: name, transforms: transforms)
        nodes.append(inverted ? .invertedSection(reference, Template(inner)) : .section(reference, Template(inner)))
        return standalone
    }

    /// `{{/name}}`: must close the section being read.
    mutating func readClosingTag(_ tag: Tag, _ state: State, _ whitespace: Range<Int>, into nodes: inout [Node]) throws(Failure) {
        position += 1
        let (name, transforms) = try readName(state, tagOffset: tag.offset)
        guard name == state.sectionName, transforms == state.sectionTransforms else {
            let closing = Self.display(name, transforms)
            guard let open = state.sectionName else {
                throw Failure(message: "closing tag {{/\(closing)}} has no open section", offset: tag.offset)
            }
            let opening = state.sectionKind + Self.display(open, state.sectionTransforms)
            throw Failure(message: "closing tag {{/\(closing)}} does not match {{\(opening)}} at \(location(state.sectionOffset))",
                          offset: tag.offset)
        }
        if !isStandalone(state), !whitespace.isEmpty {
            nodes.append(.text(string(bytes[whitespace])))
        }
    }

    /// `{{{name}}}` and `{{& name}}`.
    mutating func readUnescapedVariable(_ tag: Tag, _ state: State, _ whitespace: inout Range<Int>, into nodes: inout [Node]) throws(Failure) {
        flush(&whitespace, into: &nodes)
        position += 1
        let (name, transforms) = try readName(state, tagOffset: tag.offset)
        if tag.kind == UInt8(ascii: "{") {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                throw Failure(message: "unclosed tag: expected '}' after {{{\(Self.display(name, transforms))", offset: tag.offset)
            }
            position += 1
        }
        nodes.append(.variable(Reference(name: name, transforms: transforms), escaped: false))
    }

    /// `{{> name}}` and `{{>*reference}}`: a standalone one indents every line of the partial as the tag was.
    mutating func readPartial(_ tag: Tag, _ state: State, _ whitespace: inout Range<Int>, into nodes: inout [Node]) throws(Failure) -> Bool {
        position += 1
        skipWhitespace()
        let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
        if dynamic { position += 1 }
        let name = try readPartialName(state, tagOffset: tag.offset)
        if !whitespace.isEmpty { nodes.append(.text(string(bytes[whitespace]))) }
        let standalone = isStandalone(state)
        let reference = dynamic ? Reference(name: name, transforms: []) : nil
        nodes.append(.partial(name: name, dynamic: reference, indentation: standalone ? string(bytes[whitespace]) : nil, overrides: nil))
        whitespace = position..<position
        return standalone
    }

    /// `{{< parent}}{{$ block}}…{{/ block}}{{/ parent}}`: only block definitions (and text, ignored) inside.
    mutating func readParent(_ tag: Tag, _ state: State, _ whitespace: inout Range<Int>, into nodes: inout [Node]) throws(Failure) -> Bool {
        position += 1
        skipWhitespace()
        let rawName = try readPartialName(state, tagOffset: tag.offset)
        let dynamic = rawName.first == "*"
        if !whitespace.isEmpty { nodes.append(.text(string(bytes[whitespace]))) }
        let standalone = isStandalone(state)
        let inner = try parse(state.parent(rawName, offset: tag.offset))
        var overrides: [String: Template] = [:]
        for node in inner {
            switch node {
            case .blockDefinition(let name, let template): overrides[name] = template
            case .text: break
            default:
                throw Failure(message: "only blocks {{$name}}…{{/name}} may be inside {{<\(rawName)}}", offset: tag.offset)
            }
        }
        let name = dynamic ? String(rawName.dropFirst()) : rawName
        nodes.append(.partial(name: name, dynamic: dynamic ? Reference(name: name, transforms: []) : nil,
                              indentation: string(bytes[whitespace]), overrides: overrides))
        whitespace = position..<position
        return standalone
    }

    /// `{{$name}}…{{/name}}`: a block definition directly inside a parent, a block with its default elsewhere.
    mutating func readBlock(_ tag: Tag, _ state: State, _ whitespace: inout Range<Int>, into nodes: inout [Node]) throws(Failure) -> Bool {
        position += 1
        let (name, transforms) = try readName(state, tagOffset: tag.offset)
        guard transforms.isEmpty else {
            throw Failure(message: "a block cannot have a transform: {{$\(Self.display(name, transforms))}}", offset: tag.offset)
        }
        if state.isPartialDefinitionTopLevel {
            let standalone = isStandalone(state)
            let inner = try parse(state.section(name, transforms: [], newLine: standalone, kind: "$", offset: tag.offset))
            nodes.append(.blockDefinition(name: name, Template(inner)))
            return standalone
        }
        if !whitespace.isEmpty { nodes.append(.text(string(bytes[whitespace]))) }
        let standalone = isStandalone(state)
        let inner = try parse(state.section(name, transforms: [], newLine: standalone, kind: "$", offset: tag.offset))
        nodes.append(.block(name: name, default: Template(inner), indentation: string(bytes[whitespace])))
        whitespace = position..<position
        return standalone
    }

    // MARK: Text and lines

    /// Pieces always start and end at ASCII bytes, so they are valid UTF-8 on their own.
    func string<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Reads text up to a newline (left unread) or a start delimiter (read).
    mutating func readUntilTagOrNewline(_ state: State) -> Range<Int> {
        let start = position
        let first = state.start[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return start..<position }
            if byte == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") {
                return start..<position
            }
            if byte == first, matches(state.start, at: position) {
                let text = start..<position
                position += state.start.count
                return text
            }
            position += 1
        }
        return start..<position
    }

    mutating func readSpacesAndTabs() -> Range<Int> {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        return start..<position
    }

    /// A tag stands alone when it started a line (after spaces or tabs) and only spaces or tabs follow it up to a
    /// newline, which is then read, or the end. As swift-mustache: spaces and then the end do not count.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard let newline = newlineLength(at: index) else { return false }
        position = index + newline
        return true
    }

    /// The length of the newline at `index`, as Swift's `Character.isNewline` sees newlines.
    func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\r"):
            return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        case UInt8(ascii: "\n"), 0x0B, 0x0C:
            return 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else { return nil }
            return 3
        default:
            return nil
        }
    }

    /// The length of the whitespace character at `index` (Unicode White_Space, as `Character.isWhitespace`).
    func whitespaceLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : nil }
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch (byte, at(1), at(2)) {
        case (0xC2, 0x85, _), (0xC2, 0xA0, _): return 2
        case (0xE1, 0x9A, 0x80), (0xE3, 0x80, 0x80), (0xE2, 0x81, 0x9F): return 3
        case (0xE2, 0x80, let last) where (0x80...0x8A).contains(last) || last == 0xA8 || last == 0xA9 || last == 0xAF: return 3
        default: return nil
        }
    }

    mutating func skipWhitespace() {
        while let length = whitespaceLength(at: position) { position += length }
    }

    func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    // MARK: Inside tags

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        default:
            false
        }
    }

    mutating func readWhile(_ accept: (UInt8) -> Bool) -> String {
        let start = position
        while position < bytes.count, accept(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func readEndDelimiter(_ state: State, tagOffset: Int) throws(Failure) {
        skipWhitespace()
        guard matches(state.end, at: position) else {
            let end = String(decoding: state.end, as: UTF8.self)
            throw Failure(message: "unclosed tag: expected '\(end)'", offset: tagOffset)
        }
        position += state.end.count
    }

    /// A name, `name`, or a name in transforms, `outer(inner(name))`, then the end delimiter.
    mutating func readName(_ state: State, tagOffset: Int) throws(Failure) -> (String, [String]) {
        skipWhitespace()
        let text = readWhile { Self.isNameByte($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
        try readEndDelimiter(state, tagOffset: tagOffset)
        guard text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: ")")) else { return (text, []) }

        // As swift-mustache: `f(g(x))` with exactly one `)` per `(`, and nothing after them.
        let malformed = Failure(message: "malformed transform in '\(text)'", offset: tagOffset)
        var names = TemplateParser(bytes: Array(text.utf8))
        var transforms = [names.readWhile(Self.isNameByte)]
        guard names.position < names.bytes.count, names.bytes[names.position] == UInt8(ascii: "(") else { throw malformed }
        names.position += 1
        while true {
            let name = names.readWhile(Self.isNameByte)
            guard names.position < names.bytes.count else { throw malformed }
            if names.bytes[names.position] == UInt8(ascii: "(") {
                names.position += 1
                transforms.append(name)
                continue
            }
            names.position += 1
            let closing = names.readWhile { $0 == UInt8(ascii: ")") }.utf8.count
            guard closing + 1 == transforms.count, names.position == names.bytes.count else { throw malformed }
            return (name, transforms)
        }
    }

    mutating func readPartialName(_ state: State, tagOffset: Int) throws(Failure) -> String {
        skipWhitespace()
        let name = readWhile {
            Self.isNameByte($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "/")
        }
        try readEndDelimiter(state, tagOffset: tagOffset)
        return name
    }

    /// As swift-mustache: a plain left-to-right search for the end delimiter (no backtracking).
    mutating func skipComment(_ state: State, tagOffset: Int) throws(Failure) {
        var matched = 0
        while position < bytes.count {
            if bytes[position] == state.end[matched] {
                matched += 1
                if matched == state.end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Failure(message: "unclosed comment", offset: tagOffset)
    }

    /// `{{=<% %>=}}`
    mutating func readDelimiters(_ state: State, tagOffset: Int) throws(Failure) -> State {
        let invalid = Failure(message: "malformed set-delimiter tag: expected {{=start end=}}", offset: tagOffset)
        skipWhitespace()
        let startOffset = position
        while position < bytes.count, whitespaceLength(at: position) == nil { position += 1 }
        guard position < bytes.count else { throw invalid }
        let start = Array(bytes[startOffset..<position])
        skipWhitespace()
        let endOffset = position
        while position < bytes.count, whitespaceLength(at: position) == nil, bytes[position] != UInt8(ascii: "=") { position += 1 }
        guard position < bytes.count else { throw invalid }
        let end = Array(bytes[endOffset..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(state.end, at: position) else { throw invalid }
        position += state.end.count
        guard !start.isEmpty, !end.isEmpty else { throw invalid }
        var state = state
        state.start = start
        state.end = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template, `HTML` back on.
    mutating func readPragma(_ state: State, tagOffset: Int) throws(Failure) -> Node {
        let invalid = Failure(message: "malformed pragma: expected {{% CONTENT_TYPE: HTML}} or TEXT", offset: tagOffset)
        skipWhitespace()
        let variable = readWhile(Self.isNameByte)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw invalid }
        position += 1
        skipWhitespace()
        let value = readWhile(Self.isNameByte)
        skipWhitespace()
        guard matches(state.end, at: position) else { throw invalid }
        position += state.end.count
        guard variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else { throw invalid }
        return .contentType(escapes: value == "HTML")
    }

    // MARK: Messages

    static func display(_ name: String, _ transforms: [String]) -> String {
        transforms.reversed().reduce(name) { "\($1)(\($0))" }
    }

    func location(_ offset: Int) -> String {
        let error = TemplateSyntaxError(message: "", offset: offset, in: bytes)
        return "\(error.line):\(error.column)"
    }
}
