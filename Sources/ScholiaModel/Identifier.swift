import Foundation

/// Ids of documents, speakers, topics and collections: lowercase ASCII letters, digits and single hyphens,
/// so that they are safe as URL path segments and file names.
package enum Identifier {
    package static func isValid(_ id: String) -> Bool {
        guard let first = id.first, let last = id.last, first != "-", last != "-", !id.contains("--") else { return false }
        return id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// "U.S.–Russia Relations" → "u-s-russia-relations"; "Ursula von der Leyen" → "ursula-von-der-leyen".
    package static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// "john-kerry" → "John Kerry", for things named only by id.
    package static func humanize(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
