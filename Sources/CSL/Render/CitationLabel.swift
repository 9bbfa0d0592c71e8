/// The conventional generated `citation-label` ("trigraph"): letters of the first authors'
/// family names plus the two-digit year, e.g. "Doe65", "RoNo78", "DEFG26".
enum CitationLabel {
    static func make(_ item: CSLItem) -> String? {
        let names = (item.names["author"] ?? item.names["editor"] ?? []).compactMap { $0.family ?? $0.literal }
        guard !names.isEmpty else { return nil }
        let letters: Int = switch names.count { case 1: 4; case 2, 3: 2; default: 1 }
        let stem = names.prefix(4).map { String($0.filter(\.isLetter).prefix(letters)) }.joined()
        var year = ""
        if let y = item.dates["issued"]?.year { year = String(String(y).suffix(2)) }
        return stem + year
    }
}
