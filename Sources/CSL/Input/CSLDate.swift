/// A CSL-JSON date: one date or a range, possibly with season, approximation or literal text.
public struct CSLDate: Sendable, Equatable, Hashable {
    /// One or two (for ranges) arrays of [year, month, day], each with 1–3 members.
    public var parts: [[Int]]
    /// 1–4 for spring–winter, from the `season` field or months 13–16.
    public var season: Int?
    public var seasonText: String?
    public var circa = false
    /// Text to print instead of structured parts.
    public var literal: String?

    public init(parts: [[Int]] = [], season: Int? = nil, circa: Bool = false, literal: String? = nil) {
        self.parts = parts
        self.season = season
        self.circa = circa
        self.literal = literal
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        var p = [year]
        if let month { p.append(month) }
        if month != nil, let day { p.append(day) }
        self.parts = [p]
    }

    var start: [Int] { parts.first ?? [] }
    var end: [Int]? { parts.count > 1 && !(parts[1].isEmpty) && parts[1].first != 0 ? parts[1] : nil }
    var year: Int? { start.first }
    var isRange: Bool { end != nil && end != start }
    var isEmpty: Bool { parts.allSatisfy(\.isEmpty) && literal == nil && season == nil && seasonText == nil }

    /// Key for sorting: years padded, so that ranges and partial dates order sensibly.
    var sortKey: String {
        func key(_ p: [Int]) -> String {
            // Offset years so that BC dates sort before AD ones as plain strings.
            let y = (p.first ?? 0) + 50000
            let m = p.count > 1 ? p[1] : (season.map { 20 + $0 } ?? 0)
            let d = p.count > 2 ? p[2] : 0
            return String(format: "%06d%02d%02d", y, m, d)
        }
        if let literal, parts.isEmpty { return literal }
        var k = key(start)
        if let end { k += key(end) }
        return k
    }
}
