import Foundation

/// Page range formatting (`page-range-format`): chicago, chicago-15, chicago-16, expanded,
/// minimal, minimal-two. Hyphens between numbers become the locale's range delimiter (en dash).
enum PageRange {
    static func format(_ text: String, _ format: String?, _ locale: ResolvedLocale) -> String {
        // Checking for a backslash first spares the slow Foundation search on most pages.
        if text.utf8.contains(UInt8(ascii: "\\")) && text.contains("\\-") { return text.replacingOccurrences(of: "\\-", with: "-") }
        // A single page ("12", "iv"): no hyphen, en dash (its first byte is 0xE2), comma or ampersand.
        if !text.utf8.contains(where: { $0 == 0x2D || $0 == 0xE2 || $0 == 0x2C || $0 == 0x26 }) { return text }
        let delimiter = locale.termText("page-range-delimiter") ?? "\u{2013}"
        // One range needs no splitting on commas and ampersands.
        if !text.utf8.contains(where: { $0 == 0x2C || $0 == 0x26 }) { return formatRange(text, format, delimiter) }
        // Split on commas/ampersands to handle "1-3, 5-7".
        var out = ""
        var current = ""
        for c in text {
            if c == "," || c == "&" {
                out += formatRange(current, format, delimiter) + String(c)
                current = ""
            } else {
                current.append(c)
            }
        }
        return out + formatRange(current, format, delimiter)
    }

    private static func formatRange(_ part: String, _ format: String?, _ delimiter: String) -> String {
        let pieces = part.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "\u{2013}" }
        guard pieces.count == 2 || (pieces.count == 3 && pieces[1].isEmpty) else { return part }
        let leading = String(pieces.first!.prefix { $0 == " " })
        let trailing = String(pieces.last!.reversed().prefix { $0 == " " })
        let first = pieces.first!.trimmedSpaces
        let last = pieces.last!.trimmedSpaces
        guard !first.isEmpty, !last.isEmpty else { return part }
        let (prefixA, numberA) = splitPrefix(first)
        let (prefixB, numberB) = splitPrefix(last)
        // Mismatched prefixes ("N110-P5") are not a range we understand: leave them alone.
        guard prefixA == prefixB || (numberA.isEmpty && numberB.isEmpty) else { return leading + first + "-" + last + trailing }
        guard let format else { return leading + first + delimiter + last + trailing }
        guard let a = Int(numberA), let b = Int(numberB) else {
            return leading + first + delimiter + last + trailing
        }
        let expandedB = expand(numberA, numberB)
        guard let bb = Int(expandedB), bb > a else { return leading + first + delimiter + last + trailing }
        _ = b
        let second: String
        switch format {
        case "expanded": second = expandedB
        case "minimal": second = minimal(numberA, expandedB, keep: 1)
        case "minimal-two": second = minimal(numberA, expandedB, keep: 2)
        case "chicago", "chicago-15": second = chicago15(a, numberA, expandedB)
        case "chicago-16": second = chicago16(a, numberA, expandedB)
        default: second = expandedB
        }
        // Only the expanded form repeats a prefix ("N110–N115"); shorter forms drop it ("n11564–8").
        return leading + first + delimiter + (format == "expanded" ? prefixB : "") + second + trailing
    }

    private static func splitPrefix(_ s: String) -> (String, String) {
        // ASCII: the trailing digits are bytes, no need to walk Characters backwards.
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let digits = utf8.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            let cut = utf8.index(utf8.endIndex, offsetBy: -digits)
            return (String(s[..<cut]), String(s[cut...]))
        }
        let digits = s.reversed().prefix { $0.isNumber }
        return (String(s.dropLast(digits.count)), String(digits.reversed()))
    }

    /// "321-28" → "328".
    private static func expand(_ a: String, _ b: String) -> String {
        b.count < a.count ? String(a.prefix(a.count - b.count)) + b : b
    }

    /// Drops the leading digits that repeat, keeping at least `keep` digits.
    private static func minimal(_ a: String, _ b: String, keep: Int) -> String {
        guard a.count == b.count else { return b }
        let same = zip(a, b).prefix { $0 == $1 }.count
        let kept = max(b.count - same, min(keep, b.count))
        return String(b.suffix(kept))
    }

    private static func chicago15(_ a: Int, _ aText: String, _ b: String) -> String {
        if a < 100 || a % 100 == 0 { return b }
        if a % 100 < 10 { return minimal(aText, b, keep: 1) }
        if aText.count == 4 {
            let m = minimal(aText, b, keep: 2)
            return m.count > 2 ? b : m
        }
        return minimal(aText, b, keep: 2)
    }

    private static func chicago16(_ a: Int, _ aText: String, _ b: String) -> String {
        if a < 100 || a % 100 == 0 { return b }
        if a % 100 < 10 { return minimal(aText, b, keep: 1) }
        return minimal(aText, b, keep: 2)
    }
}
