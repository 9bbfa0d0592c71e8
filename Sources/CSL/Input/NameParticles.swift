/// Splits particles written inside `family`/`given` ("van der Berg", "Jean de") into the
/// dedicated CSL-JSON fields, as CSL processors conventionally do.
enum NameParticles {
    static func parse(_ name: inout CSLName) {
        guard name.literal == nil else { return }
        // "John, III" → suffix "III"; "John,! Jr." → suffix "Jr." printed after a comma.
        if name.suffix == nil, let given = name.given, let comma = given.firstIndex(of: ",") {
            var rest = given[given.index(after: comma)...]
            if rest.hasPrefix("!") { name.commaSuffix = true; rest = rest.dropFirst() }
            let suffix = rest.trimmedSpaces
            if !suffix.isEmpty {
                name.suffix = suffix
                name.given = given[..<comma].trimmedSpaces
            }
        }
        // A family name in double quotes is taken literally ("\"van Happel\"").
        if let family = name.family, family.count > 2, family.hasPrefix("\""), family.hasSuffix("\"") {
            name.family = String(family.dropFirst().dropLast())
            return
        }
        if name.nonDroppingParticle == nil, let family = name.family {
            let words = family.split(separator: " ", omittingEmptySubsequences: true)
            var count = 0
            while count < words.count - 1, isParticle(words[count]) { count += 1 }
            if count > 0 {
                name.nonDroppingParticle = words[..<count].joined(separator: " ")
                name.family = words[count...].joined(separator: " ")
            } else if let hyphen = family.firstIndex(of: "-"), family.first?.isLowercase == true,
                      !family[..<hyphen].contains(" "), family[family.index(after: hyphen)...].first?.isUppercase == true {
                // "al-One": a lowercase particle joined by a hyphen.
                name.nonDroppingParticle = String(family[...hyphen])
                name.family = String(family[family.index(after: hyphen)...])
            } else if let apostrophe = apostropheParticle(family) {
                name.nonDroppingParticle = apostrophe.particle
                name.family = apostrophe.rest
            }
        }
        if name.droppingParticle == nil, let given = name.given {
            let words = given.split(separator: " ", omittingEmptySubsequences: true)
            var start = words.count
            while start > 1, isParticle(words[start - 1]) { start -= 1 }
            if start < words.count {
                name.droppingParticle = words[start...].joined(separator: " ")
                name.given = words[..<start].joined(separator: " ")
            }
        }
    }

    /// A particle is a word starting with a lowercase letter ("van", "de", "d'"), after any
    /// apostrophe ("'t" in "in 't Hout").
    private static func isParticle(_ word: Substring) -> Bool {
        guard let first = word.drop(while: { $0 == "'" || $0 == "\u{2019}" }).first else { return false }
        return first.isLowercase
    }

    /// "d'Alembert" → particle "d'" and family "Alembert".
    private static func apostropheParticle(_ family: String) -> (particle: String, rest: String)? {
        guard let index = family.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return nil }
        let particle = family[...index]
        let rest = family[family.index(after: index)...]
        guard particle.count <= 4, particle.first?.isLowercase == true, !rest.isEmpty, !particle.contains(" ") else {
            return nil
        }
        return (String(particle), String(rest))
    }
}
