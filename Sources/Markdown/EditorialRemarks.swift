/// Finds editorial remarks in transcript text: anything in square brackets (`[Applause]`, `[in Russian]`),
/// and short capitalised parentheticals (`(Inaudible)`, `(Laughter.)`, `(Off-mike)`), but not ordinary
/// asides such as `(the Geneva communique)` or acronyms such as `(NATO)`.
public enum EditorialRemarks {
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "[" || character == "(",
               let close = text[index...].firstIndex(of: character == "[" ? "]" : ")") {
                let inner = text[text.index(after: index)..<close]
                if character == "[" ? isBracketRemark(inner) : isParentheticalRemark(inner) {
                    ranges.append(index..<text.index(after: close))
                    index = text.index(after: close)
                    continue
                }
            }
            index = text.index(after: index)
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
