/// Formatted output: a small tree of text, styles, quotes and display blocks that can be
/// rendered as HTML, plain text, or (later) any other markup.
public enum CSLInline: Sendable, Equatable {
    case text(String)
    case styled(CSLTextStyle, [CSLInline])
    /// Quoted content; the renderer picks outer or inner quotes from the nesting depth.
    case quoted([CSLInline])
    /// A `display` block of a bibliography entry.
    case display(CSLDisplay, [CSLInline])
}

public enum CSLTextStyle: String, Sendable, Equatable {
    case italic, oblique, normalStyle
    case bold, light, normalWeight
    case smallCaps, normalVariant
    case underline, noDecoration
    case sup, sub, baseline
}

public enum CSLDisplay: String, Sendable, Equatable {
    case block, leftMargin = "left-margin", rightInline = "right-inline", indent
}

/// The quote marks of the output locale.
public struct CSLQuotes: Sendable, Equatable {
    public var openOuter = "\u{201C}", closeOuter = "\u{201D}", openInner = "\u{2018}", closeInner = "\u{2019}"
    public init() {}
}

/// Rendered output of one citation or bibliography entry.
public struct CSLOutput: Sendable, Equatable {
    public var content: [CSLInline]
    public var quotes: CSLQuotes

    public var html: String { HTMLRenderer(quotes: quotes).render(content) }
    public var text: String { TextRenderer(quotes: quotes).render(content) }
    public var isEmpty: Bool { content.isEmpty }
}
