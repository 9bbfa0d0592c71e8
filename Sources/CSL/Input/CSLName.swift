/// A personal or institutional name from CSL-JSON.
public struct CSLName: Sendable, Equatable, Hashable {
    public var family: String?
    public var given: String?
    public var droppingParticle: String?
    public var nonDroppingParticle: String?
    public var suffix: String?
    /// A name rendered as-is (institutions, or names that should not be split).
    public var literal: String?
    /// Put a comma before the suffix even in display order ("John Smith, Jr.").
    public var commaSuffix = false
    /// Keep display order even when the style asks for sort order.
    public var staticOrdering = false

    public init(family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
                nonDroppingParticle: String? = nil, suffix: String? = nil, literal: String? = nil,
                commaSuffix: Bool = false, staticOrdering: Bool = false) {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.nonDroppingParticle = nonDroppingParticle
        self.suffix = suffix
        self.literal = literal
        self.commaSuffix = commaSuffix
        self.staticOrdering = staticOrdering
    }

    public init(literal: String) {
        self.literal = literal
    }

    /// True when the name is not in a Latin/Cyrillic/Greek script, so the family comes first
    /// and no space separates the parts.
    var isRomanesque: Bool {
        let text = (family ?? "") + (given ?? "")
        return text.unicodeScalars.allSatisfy { s in
            s.value < 0x0590 || (0x1E00...0x1FFF).contains(s.value) || (0x2000...0x206F).contains(s.value)
                || s.value == 0x2019
        }
    }
}
