/// A person's name in the parts citations need, or an organisation's literal name.
package struct PersonName: Sendable, Hashable, Codable {
    package var given: String?
    package var family: String?
    /// "von der" in Ursula von der Leyen: kept with the family name when sorting.
    package var particle: String?
    package var suffix: String?
    /// An organisation's name, never split.
    package var literal: String?

    package init(given: String? = nil, family: String? = nil, particle: String? = nil, suffix: String? = nil, literal: String? = nil) {
        self.given = given
        self.family = family
        self.particle = particle
        self.suffix = suffix
        self.literal = literal
    }

    /// The name as read: "John F. Kerry", "Ursula von der Leyen", "Martin Luther King Jr.".
    package var display: String {
        if let literal { return literal }
        var parts = [given, particle, family].compactMap { $0 }.joined(separator: " ")
        if let suffix { parts += " " + suffix }
        return parts
    }

    /// For alphabetical lists: "Kerry, John F.", "Leyen, Ursula von der".
    package var sortKey: String {
        if let literal { return literal.lowercased() }
        return [family, given, particle].compactMap { $0 }.joined(separator: " ").lowercased()
    }

    static let particles: Set<String> = ["von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "ter", "ten", "zu", "dos", "das", "bin", "ibn", "al"]
    static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V"]
    static let organisationWords: Set<String> = ["department", "ministry", "council", "committee", "office", "government",
                                                  "nations", "association", "university", "congress", "senate", "house",
                                                  "administration", "agency", "bureau", "commission", "organization",
                                                  "organisation", "inc.", "press", "party", "union", "conference"]

    /// Splits a full name sensibly: the last word is the family name, lowercase particles before it
    /// join it, a trailing "Jr." or "III" is a suffix; names of organisations stay literal.
    package init(splitting name: String) {
        var words = name.split(separator: " ").map(String.init)
        if words.contains(where: { Self.organisationWords.contains($0.lowercased()) }) || words.count < 2 {
            self.init(literal: name)
            return
        }
        var suffix: String?
        if let last = words.last, Self.suffixes.contains(last), words.count > 2 {
            suffix = last
            words.removeLast()
            if words[words.count - 1].hasSuffix(",") { words[words.count - 1].removeLast() }
        }
        let family = words.removeLast()
        var particleWords: [String] = []
        while let last = words.last, words.count > 1, Self.particles.contains(last) {
            particleWords.insert(words.removeLast(), at: 0)
        }
        self.init(given: words.joined(separator: " "), family: family,
                  particle: particleWords.isEmpty ? nil : particleWords.joined(separator: " "), suffix: suffix)
    }
}
