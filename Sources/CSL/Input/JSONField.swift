import Foundation

/// Conversions of loosely typed CSL-JSON values, reporting problems instead of trapping.
enum JSONField {
    typealias Fail = (_ field: String, _ message: String) -> CSLError

    /// Strings as-is, numbers as their decimal text; nil for anything else.
    static func scalarString(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return nil }  // JSON true/false
            let d = n.doubleValue
            if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
            return n.stringValue
        default: return nil
        }
    }

    static func bool(_ value: Any?) -> Bool {
        switch value {
        case let b as Bool: return b
        case let s as String: return s == "true" || s == "1"
        case let n as NSNumber: return n.intValue != 0
        default: return false
        }
    }

    static func name(_ obj: [String: Any], fail: Fail) throws -> CSLName {
        func text(_ key: String) throws -> String? {
            guard let v = obj[key], !(v is NSNull) else { return nil }
            guard let s = scalarString(v) else { throw fail(key, "expected a string") }
            return s
        }
        var name = CSLName(family: try text("family"), given: try text("given"),
                           droppingParticle: try text("dropping-particle"),
                           nonDroppingParticle: try text("non-dropping-particle"),
                           suffix: try text("suffix"), literal: try text("literal"),
                           commaSuffix: bool(obj["comma-suffix"]), staticOrdering: bool(obj["static-ordering"]))
        if name.literal == nil && name.family == nil && name.given == nil {
            throw fail("", "name has none of family, given or literal")
        }
        if obj["parse-names"].map(bool) ?? true { NameParticles.parse(&name) }
        return name
    }

    static func date(_ value: Any, fail: Fail) throws -> CSLDate {
        if let s = value as? String { return RawDateParser.parse(s) ?? CSLDate(literal: s) }
        if let n = scalarString(value), let y = Int(n) { return CSLDate(parts: [[y]]) }
        guard let obj = value as? [String: Any] else { throw fail("", "expected a date object") }
        var date = CSLDate()
        if let raw = obj["date-parts"] {
            guard let ranges = raw as? [Any] else { throw fail("date-parts", "expected an array of arrays") }
            for (i, range) in ranges.prefix(2).enumerated() {
                guard let members = range as? [Any] else { throw fail("date-parts[\(i)]", "expected an array") }
                var numbers: [Int] = []
                for (j, m) in members.prefix(3).enumerated() {
                    guard let s = scalarString(m) else { throw fail("date-parts[\(i)][\(j)]", "expected a number") }
                    let trimmed = s.trimmedSpaces
                    if trimmed.isEmpty { break }
                    guard let n = Int(trimmed) else { throw fail("date-parts[\(i)][\(j)]", "\"\(s)\" is not a number") }
                    numbers.append(n)
                }
                if i == 0 || !numbers.isEmpty { date.parts.append(numbers) }
            }
            if date.parts.count == 1, date.parts[0].first == 0 { date.parts = [] }
        }
        if let s = obj["season"] {
            guard let text = scalarString(s) else { throw fail("season", "expected a string or number") }
            if let n = Int(text), (1...4).contains(n) { date.season = n } else { date.seasonText = text }
        }
        date.circa = bool(obj["circa"])
        if let l = obj["literal"] {
            guard let text = scalarString(l) else { throw fail("literal", "expected a string") }
            date.literal = text
        }
        if date.parts.isEmpty && date.literal == nil, let raw = obj["raw"] {
            guard let text = scalarString(raw) else { throw fail("raw", "expected a string") }
            if let parsed = RawDateParser.parse(text) { date.parts = parsed.parts; date.season = date.season ?? parsed.season }
            else { date.literal = text }
        }
        // Months 13–24 encode seasons; other out-of-range months (and their days) are dropped.
        for i in date.parts.indices where date.parts[i].count >= 2 {
            let month = date.parts[i][1]
            if !(1...24).contains(month) { date.parts[i] = [date.parts[i][0]] }
            else if month > 12 { date.parts[i] = [date.parts[i][0], 13 + (month - 13) % 4] }
        }
        return date
    }
}
