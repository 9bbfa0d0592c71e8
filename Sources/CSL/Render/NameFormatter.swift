import Foundation

/// Renders a single name in display or sort order, with initials and name-part formatting.
struct NameFormatter {
    let options: NameOptions
    let element: NameElement?
    let demoteParticle: String
    let initializeWithHyphen: Bool
    /// Sorting demotes particles unless the style says "never".
    var sorting = false
    var cache: RenderCache?

    /// - Parameters:
    ///   - inverted: family name first (name-as-sort-order applies to this name).
    ///   - givenLevel: disambiguation expansion: 0 as styled, 1 add initials/full given, 2 full given.
    func render(_ name: CSLName, inverted: Bool, givenLevel: Int) -> [Node] {
        let familyDeco = element?.family
        let givenDeco = element?.given
        if let literal = name.literal { return decorated(RichText.parse(literal), familyDeco) }
        if name.family == nil, let only = name.given { return decorated(RichText.parse(only), givenDeco) }
        var form = options.form ?? .long
        if form == .short && givenLevel > 0 { form = .long }
        let family = Self.typographic(name.family ?? "")
        let ndp = Self.typographic(name.nonDroppingParticle ?? "")
        // The short form is the family name alone: no given name or initials to work out.
        if form == .short {
            // Family name first, no spaces (Chinese, Japanese, Korean names).
            let shortName = name.isRomanesque ? join(ndp, family) : family
            return decorated(RichText.parse(shortName), familyDeco)
        }
        let dp = Self.typographic(name.droppingParticle ?? "")
        let suffix = Self.typographic(name.suffix ?? "")
        var given = Self.typographic(name.given ?? "")
        var givenMarkup: [Node]?
        if let with = options.initializeWith, !given.isEmpty {
            let fullForLevel = givenLevel >= 2 || (givenLevel == 1 && (options.form ?? .long) == .long)
            if !fullForLevel {
                if given.contains("<") {
                    givenMarkup = initialsKeepingMarkup(RichText.parse(given), with: with)
                    given = givenMarkup!.plainText
                } else {
                    given = Initials.make(given, with: with, hyphen: initializeWithHyphen,
                                          initializeFull: options.initialize ?? true, cache: cache)
                }
            }
        }
        if !name.isRomanesque {
            let familyNodes = decorated(RichText.parse(family), familyDeco)
            if given.isEmpty { return familyNodes }
            return familyNodes + decorated([.text(given)], givenDeco)
        }
        if inverted && !name.staticOrdering {
            let separator = options.sortSeparator ?? ", "
            var out: [Node]
            if demoteParticle == "display-and-sort" || (sorting && demoteParticle != "never") {
                out = decorated(RichText.parse(family), familyDeco)
                let givenNodes = givenPart([given, dp, ndp], givenDeco, markup: givenMarkup, particleDeco: familyDeco)
                if !givenNodes.isEmpty { out += [.text(separator)] + givenNodes }
            } else {
                out = familyWithParticle(ndp, family, familyDeco)
                let givenNodes = givenPart([given, dp], givenDeco, markup: givenMarkup)
                if !givenNodes.isEmpty { out += [.text(separator)] + givenNodes }
            }
            if !suffix.isEmpty { out += [.text(separator + suffix)] }
            return out
        }
        var out: [Node] = []
        if !given.isEmpty { out = decorated(givenMarkup ?? [.text(given)], givenDeco) }
        let familyText = join(ndp, family)
        if !familyText.isEmpty {
            if !out.isEmpty && out.plainText.last?.isWhitespace != true { out.append(.text(" ")) }
            // Family formatting covers particle and family; its affixes also enclose the
            // dropping particle and the suffix.
            var bare = familyDeco
            bare?.prefix = ""
            bare?.suffix = ""
            var familyNodes = decorated(RichText.parse(family), bare)
            if !ndp.isEmpty {
                let gap: [Node] = attaches(ndp) ? [] : [.text(" ")]
                familyNodes = [.tag(.particle, decorated([.text(ndp)], bare))] + gap + familyNodes
            }
            if !dp.isEmpty {
                let gap = attaches(dp) ? "" : " "
                familyNodes.insert(.tag(.particle, [.text(dp + gap)]), at: 0)
            }
            if !suffix.isEmpty { familyNodes.append(.text((name.commaSuffix ? ", " : " ") + suffix)) }
            if let prefix = familyDeco?.prefix, !prefix.isEmpty { familyNodes.insert(.text(prefix), at: 0) }
            if let after = familyDeco?.suffix, !after.isEmpty { familyNodes.append(.text(after)) }
            out += familyNodes
        }
        return out
    }

    /// "<b>John</b> Quiggly" → "<b>J.</b> Q.": each piece of text is initialized on its own and
    /// keeps its markup; a piece that starts with a hyphen stays joined by it ("<b>J.</b>-Q.").
    private func initialsKeepingMarkup(_ nodes: [Node], with: String) -> [Node] {
        var out: [Node] = []
        for node in nodes {
            switch node {
            case .text(let text):
                let joinedByHyphen = text.hasPrefix("-")
                let core = text.trimmingCharacters(in: CharacterSet(charactersIn: " -"))
                if core.isEmpty { continue }
                let initials = Initials.make(core, with: with, hyphen: initializeWithHyphen,
                                             initializeFull: options.initialize ?? true, cache: cache).trimmedSpaces
                let lead = out.isEmpty ? "" : joinedByHyphen ? "-" : " "
                out.append(.text(lead + initials))
            case .styled(let style, let children):
                let inner = initialsKeepingMarkup(children, with: with)
                if !out.isEmpty { out.append(.text(" ")) }
                out.append(.styled(style, inner))
            default:
                out.append(node)
            }
        }
        return out
    }

    /// "<b>van</b> <b>Gogh</b>": particle and family name formatted each on its own, the family
    /// name-part's affixes around both.
    private func familyWithParticle(_ ndp: String, _ family: String, _ deco: Decoration?) -> [Node] {
        guard !ndp.isEmpty else { return decorated(RichText.parse(family), deco) }
        var bare = deco
        bare?.prefix = ""
        bare?.suffix = ""
        var out: [Node] = [.tag(.particle, decorated([.text(ndp)], bare))]
        if !attaches(ndp) { out.append(.text(" ")) }
        out += decorated(RichText.parse(family), bare)
        if let prefix = deco?.prefix, !prefix.isEmpty { out.insert(.text(prefix), at: 0) }
        if let suffix = deco?.suffix, !suffix.isEmpty { out.append(.text(suffix)) }
        return out
    }

    /// Given name and trailing particles, each formatted on its own ("<i>Vincent</i> <i>van</i>"),
    /// with the given name-part's affixes around them all. A demoted non-dropping particle (the third
    /// piece) takes the family name-part's formatting (`particleDeco`), as the family's own particle.
    private func givenPart(_ pieces: [String], _ deco: Decoration?, markup: [Node]? = nil,
                           particleDeco: Decoration? = nil) -> [Node] {
        var bare = deco
        bare?.prefix = ""
        bare?.suffix = ""
        var particleBare = particleDeco
        particleBare?.prefix = ""
        particleBare?.suffix = ""
        var out: [Node] = []
        var previous = ""
        for (i, piece) in pieces.enumerated() where !piece.isEmpty {
            if !out.isEmpty && !attaches(previous) { out.append(.text(" ")) }
            // The given name (first piece) keeps the markup its initials were made from.
            out += decorated(i == 0 ? markup ?? [.text(piece)] : [.text(piece)], i == 2 ? particleBare : bare)
            previous = piece
        }
        guard !out.isEmpty else { return [] }
        if let prefix = deco?.prefix, !prefix.isEmpty { out.insert(.text(prefix), at: 0) }
        if let suffix = deco?.suffix, !suffix.isEmpty { out.append(.text(suffix)) }
        return out
    }

    /// Straight apostrophes in names print as typographic ones ("O’Malley").
    static func typographic(_ s: String) -> String {
        s.utf8.contains(0x27) ? String(s.map { $0 == "'" ? "\u{2019}" : $0 }) : s
    }

    /// Joins two name parts with a space, except after an apostrophe or hyphen ("d'Alembert").
    private func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return attaches(a) ? a + b : a + " " + b
    }

    /// A particle ending in an apostrophe or hyphen joins the next part without a space.
    private func attaches(_ particle: String) -> Bool {
        guard let last = particle.last else { return false }
        return last == "'" || last == "\u{2019}" || last == "-"
    }

    private func decorated(_ nodes: [Node], _ d: Decoration?) -> [Node] {
        guard let d else { return nodes }
        var out = nodes
        if let tc = d.textCase { out = TextCaser.apply(tc, to: out) }
        out = Renderer.format(out, d.formatting)
        if !d.prefix.isEmpty { out.insert(.text(d.prefix), at: 0) }
        if !d.suffix.isEmpty { out.append(.text(d.suffix)) }
        return out
    }
}
