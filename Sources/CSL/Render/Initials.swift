import Foundation

/// Turns given names into initials: "John Ronald" → "J. R.", "Jean-Paul" → "J.-P.".
enum Initials {
    /// - Parameters:
    ///   - with: the `initialize-with` string, e.g. ". " or ".".
    ///   - hyphen: keep hyphens between initials of compound names.
    ///   - initializeFull: false keeps full given names and only reformats existing initials.
    static func make(_ given: String, with: String, hyphen: Bool, initializeFull: Bool) -> String {
        let mark = with.trimmingCharacters(in: .whitespaces)
        let gap = String(with.reversed().prefix { $0 == " " })
        var out = ""
        for word in splitWords(given) {
            if let first = word.first, first.isLowercase {
                out += word + " "  // particle such as "de"
                continue
            }
            let pieces = word.split(separator: "-", omittingEmptySubsequences: true)
            if initializeFull || pieces.allSatisfy(isInitial) {
                let initials = pieces.map { piece -> String in
                    let letter = piece.first { $0.isLetter } ?? piece.first!
                    return String(letter).uppercased() + mark
                }
                out += initials.joined(separator: hyphen ? "-" : "") + gap
            } else {
                out += word + " "
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    private static func isInitial(_ piece: Substring) -> Bool {
        piece.filter(\.isLetter).count == 1
    }

    /// Splits on spaces and after periods ("J.R." → "J.", "R.").
    private static func splitWords(_ given: String) -> [String] {
        var words: [String] = []
        var current = ""
        var afterPeriod = false
        for c in given {
            if afterPeriod && c != "-" && c != " " && !current.isEmpty { words.append(current); current = "" }
            afterPeriod = c == "."
            if c == " " {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
