/// The renderer's working tree. Like `CSLInline`, plus markers the processor needs while it
/// still rearranges output (substituting authors, collapsing years, protecting case).
enum Node: Sendable, Equatable {
    case text(String)
    case styled(CSLTextStyle, [Node])
    case quoted([Node])
    case display(CSLDisplay, [Node])
    /// Content that text-case must not change (`<span class="nocase">`).
    case nocase([Node])
    case tag(NodeTag, [Node])

    var isEmpty: Bool {
        switch self {
        case .text(let s): return s.isEmpty
        case .styled(_, let c), .quoted(let c), .display(_, let c), .nocase(let c), .tag(_, let c):
            return c.allSatisfy(\.isEmpty)
        }
    }

    /// The same node with its children replaced by `transform(children)` (text has none).
    func mapChildren(_ transform: ([Node]) -> [Node]) -> Node {
        switch self {
        case .text: return self
        case .styled(let s, let c): return .styled(s, transform(c))
        case .quoted(let c): return .quoted(transform(c))
        case .display(let d, let c): return .display(d, transform(c))
        case .nocase(let c): return .nocase(transform(c))
        case .tag(let t, let c): return .tag(t, transform(c))
        }
    }

    /// The plain text, without quotes or markup.
    var plainText: String {
        switch self {
        case .text(let s): return s
        case .styled(_, let c), .display(_, let c), .nocase(let c), .tag(_, let c): return c.plainText
        case .quoted(let c): return "\u{201C}" + c.plainText + "\u{201D}"
        }
    }
}

enum NodeTag: Sendable, Equatable {
    /// Output of a `cs:names` element (for subsequent-author-substitute and suppress-author).
    case names
    /// A rendered date whose year may be merged when citations collapse.
    case date
    case yearSuffix
    case citationNumber
    /// A name particle ("van", "de"): never capitalized by title-like text cases.
    case particle
    /// One person's name in a names list (for subsequent-author-substitute's per-name rules).
    case personName
    /// A cite's prefix or suffix as the author typed it: its punctuation is never moved.
    case affix
    /// The role label of a names element ("ed."): not part of the names a bibliography compares.
    case nameLabel
    /// Output of a localized term (capitalized when it starts a sentence in a citation).
    case term
}

extension [Node] {
    var plainText: String { map(\.plainText).joined() }
    var isBlank: Bool { allSatisfy(\.isEmpty) }
}
