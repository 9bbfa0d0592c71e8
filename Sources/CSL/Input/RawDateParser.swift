/// Parses simple "raw" date strings: ISO-like "2000-03-15", "2000/2001" ranges, "2000".
enum RawDateParser {
    static func parse(_ raw: String) -> CSLDate? {
        let text = raw.trimmedSpaces
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        var parts: [[Int]] = []
        for half in halves {
            let fields = half.split(separator: "-").map { Int($0) }
            guard !fields.isEmpty, fields.count <= 3, fields.allSatisfy({ $0 != nil }) else { return nil }
            parts.append(fields.map { $0! })
        }
        return CSLDate(parts: parts)
    }
}
