import Foundation

/// Turns given names into initials: "John Ronald" → "J. R.", "Jean-Paul" → "J.-P.".
enum Initials {
    /// - Parameters:
    ///   - with: the `initialize-with` string, e.g. ". " or ".".
    ///   - hyphen: keep hyphens between initials of compound names.
    ///   - initializeFull: false keeps full given names and only reformats existing initials.
    static func make(_ given: String, with: String, hyphen: Bool, initializeFull: Bool,
                     cache: RenderCache? = nil) -> String {
        guard let cache else { return compute(given, with: with, hyphen: hyphen, initializeFull: initializeFull) }
        let key = InitialsKey(given: given, with: with, hyphen: hyphen, full: initializeFull)
        if let hit = cache.initials[key] { return hit }
        let value = compute(given, with: with, hyphen: hyphen, initializeFull: initializeFull)
        cache.initials[key] = value
        return value
    }

    private static func compute(_ given: String, with: String, hyphen: Bool, initializeFull: Bool) -> String {
        let mark = with.trimmedSpaces
        let gap = String(with.reversed().prefix { $0 == " " })
        var out = ""
        for word in splitWords(given) {
            let letters = word.filter { $0 != "." }
            if let first = letters.first, first.isLowercase {
                out += separated(out) + word + " "  // particle such as "de"
                continue
            }
            if word.utf8.contains(0x2D) && (initializeFull || word.hasSuffix(".")) {
                let pieces = word.split(separator: "-", omittingEmptySubsequences: true)
                    .filter { $0.first?.isLowercase != true }
                let initials = pieces.map { piece -> String in
                    let letter = piece.first { $0.isLetter } ?? piece.first!
                    return String(letter).uppercased() + mark
                }
                out += initials.joined(separator: hyphen ? "-" : "") + gap
            } else if word.hasSuffix(".") || letters.count == 1 {
                // Existing initial ("J.") or abbreviation ("Ph.", "Ts."): keep its letters.
                out += letters + mark + gap
            } else if initializeFull {
                out += leadingInitial(word) + mark + gap
            } else {
                out += separated(out) + word + " "
            }
        }
        return out.trimmedSpaces
    }

    /// The initial of a word; a transliterated digraph written "TSerendorjiin" gives "Ts".
    private static func leadingInitial(_ word: String) -> String {
        let chars = Array(word)
        if chars.count > 2, chars[0].isUppercase, chars[1].isUppercase, chars[2].isLowercase {
            return String(chars[0]) + chars[1].lowercased()
        }
        let letter = chars.first { $0.isLetter } ?? chars[0]
        return String(letter).uppercased()
    }

    /// A full word after initials written without spaces still needs one.
    private static func separated(_ out: String) -> String {
        out.isEmpty || out.hasSuffix(" ") ? "" : " "
    }

    /// Splits on spaces and after periods ("J.R." → "J.", "R."); "J.-P." stays one word.
    private static func splitWords(_ given: String) -> [String] {
        var words: [String] = []
        var current = ""
        var afterPeriod = false
        for c in given {
            if afterPeriod && c != "-" && c != " " && !current.isEmpty { words.append(current); current = "" }
            afterPeriod = c == "."
            if c == " " || c == "\u{00A0}" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
