/// Finds editorial remarks in transcript text: anything in square brackets (`[Applause]`, `[in Russian]`),
/// and short capitalised parentheticals (`(Inaudible)`, `(Laughter.)`, `(Off-mike)`), but not ordinary
/// asides such as `(the Geneva communique)` or acronyms such as `(NATO)`.
public enum EditorialRemarks {
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        // Brackets are ASCII: the search runs over bytes, and only a bracket costs a look at characters.
        let bytes = text.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") }) {
            index = bytes.index(after: open)
            let character = text[open]
            guard character == "[" || character == "(",
                  let close = text[open...].firstIndex(of: character == "[" ? "]" : ")") else { continue }
            let inner = text[text.index(after: open)..<close]
            if character == "[" ? isBracketRemark(inner) : isParentheticalRemark(inner) {
                ranges.append(open..<text.index(after: close))
                index = text.index(after: close)
            }
        }
        return ranges
    }

    private static func isBracketRemark(_ inner: Substring) -> Bool {
        !inner.isEmpty && !inner.contains("[") && !inner.contains("\n") && inner.count <= 80
    }

    private static func isParentheticalRemark(_ inner: Substring) -> Bool {
        let words = inner.split(separator: " ")
        guard (1...3).contains(words.count), let first = inner.first, first.isUppercase,
              !inner.contains("("), !inner.contains(where: { $0.isNumber }) else { return false }
        let letters = inner.filter(\.isLetter)
        let isAcronym = words.count == 1 && letters.count > 1 && letters.allSatisfy(\.isUppercase)
        return !isAcronym
    }
}
