import Foundation

/// A date as precise as the source knows it: a year, a month or a day.
package struct PartialDate: Sendable, Hashable, Comparable, Codable {
    package var year: Int
    package var month: Int?
    package var day: Int?

    package init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when that is not a real date. Years are ISO 8601's
    /// (astronomical): `0000` is 1 BCE and `-0043` is 44 BCE.
    package init?(iso text: Substring) {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let digits = Int(parts[0]) else { return nil }
        let year = negative ? -digits : digits
        let numbers = parts.dropFirst().map { Int($0) }
        guard !numbers.contains(nil) else { return nil }
        self.year = year
        month = numbers.first ?? nil
        day = numbers.count > 1 ? numbers[1] : nil
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...PartialDate.daysIn(month: month, year: year)).contains(day) { return nil }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package var iso: String {
        var text = Self.isoYear(year)
        if let month { text += "-" + zeroPadded(month, 2) }
        if let day { text += "-" + zeroPadded(day, 2) }
        return text
    }

    package var parts: [Int] { [year] + [month, day].compactMap { $0 } }

    /// The parts as CSL wants them: CSL counts years historically, with no year 0, so 44 BCE is -44.
    package var cslParts: [Int] { [year > 0 ? year : year - 1] + [month, day].compactMap { $0 } }

    /// `0044/03/15`, `-0043/03/15`: the form of Highwire's `citation_date`.
    package var slashed: String { ([Self.isoYear(year)] + [month, day].compactMap { $0 }.map { zeroPadded($0, 2) }).joined(separator: "/") }

    /// Four digits at least, with a minus sign before years before 1 BCE: `0044`, `0000`, `-0043`.
    static func isoYear(_ year: Int) -> String { year < 0 ? "-" + zeroPadded(-year, 4) : zeroPadded(year, 4) }

    /// A year as readers write it: `2013`, `44`, and `44 BCE` for the ISO year -43.
    package static func displayYear(_ year: Int) -> String { year > 0 ? String(year) : "\(1 - year) BCE" }

    package static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Days since year 0, for distances between dates; missing parts count as the start of the period.
    package var dayNumber: Int {
        let days = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return year * 365 + year / 4 + days[(month ?? 1) - 1] + (day ?? 1)
    }
}

/// A document's date: one day, month or year, or a range, possibly approximate.
package struct DocumentDate: Sendable, Hashable, Comparable, Codable {
    package var start: PartialDate
    package var end: PartialDate?
    package var circa: Bool

    package init(start: PartialDate, end: PartialDate? = nil, circa: Bool = false) {
        self.start = start
        self.end = end
        self.circa = circa
    }

    /// Parses `2013-05-07`, `2013-05`, `2013`, `-0043-03-15` (44 BCE) or a range `1945-02-04/1945-02-11`.
    package init?(_ text: String, circa: Bool = false) {
        let halves = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count), let start = PartialDate(iso: halves[0]) else { return nil }
        self.start = start
        self.circa = circa
        if halves.count == 2 {
            guard let end = PartialDate(iso: halves[1]), start < end else { return nil }
            self.end = end
        }
    }

    package static func < (a: DocumentDate, b: DocumentDate) -> Bool { a.start < b.start }

    package var year: Int { start.year }
    package var iso: String { end.map { "\(start.iso)/\($0.iso)" } ?? start.iso }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    /// "May 7, 2013", "May 2013", "2013", "February 4–11, 1945", "c. 1862".
    package var display: String {
        let text: String
        if let end {
            text = Self.displayRange(start, end)
        } else {
            text = Self.display(start)
        }
        return circa ? "c. \(text)" : text
    }

    /// A date written in a file (a speaker's birth, a role's start) as a reader sees it: "December 11, 1943"
    /// for `1943-12-11`; text that is not a date such as `1943-12-11` stays as written.
    package static func display(_ text: String) -> String {
        DocumentDate(text)?.display ?? text
    }

    static func display(_ date: PartialDate, withYear: Bool = true) -> String {
        let year = PartialDate.displayYear(date.year)
        guard let month = date.month else { return year }
        let name = monthNames[month - 1]
        let yearText = withYear ? (date.day == nil ? " \(year)" : ", \(year)") : ""
        if let day = date.day { return "\(name) \(day)\(yearText)" }
        return name + yearText
    }

    static func displayRange(_ start: PartialDate, _ end: PartialDate) -> String {
        if start.year == end.year, start.month == end.month, let month = start.month, let d1 = start.day, let d2 = end.day {
            return "\(monthNames[month - 1]) \(d1)–\(d2), \(PartialDate.displayYear(start.year))"
        }
        if start.year == end.year, start.month != nil {
            return "\(display(start, withYear: false)) – \(display(end))"
        }
        return "\(display(start))–\(display(end))"
    }
}

/// `String(format: "%0Nd", number)` without Foundation's formatter, which is slow in a loop over every page.
package func zeroPadded(_ number: Int, _ width: Int) -> String {
    guard number >= 0 else { return String(format: "%0\(width)d", number) }
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
