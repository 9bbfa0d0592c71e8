import TextLayout

/// What a piece of raw inline HTML (kept with `unsafeHTML`) is: cmark makes each one a single tag,
/// comment, processing instruction, declaration or CDATA section.
enum RawTag {
    static func kind(of raw: String) -> ParagraphLayout.Kind {
        let body = raw.dropFirst()
        if body.hasPrefix("/") { return name(body.dropFirst()) == "a" ? .closeLink : .close }
        guard let first = body.first, first.isASCII, first.isLetter else { return .inline }
        let name = name(body)
        if raw.hasSuffix("/>") || voidElements.contains(name) { return .inline }
        return name == "a" ? .openLink : .open
    }

    private static func name(_ text: Substring) -> String {
        text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.lowercased()
    }

    private static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                                    "meta", "source", "track", "wbr"]
}
