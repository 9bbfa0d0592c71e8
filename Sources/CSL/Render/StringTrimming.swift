extension StringProtocol {
    /// Trims spaces, tabs and no-break spaces. Much cheaper than Foundation's
    /// `trimmingCharacters(in:)` on Linux, which matters in per-name and per-number paths.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
