struct DatePartElement: Sendable {
    enum Name: String, Sendable { case day, month, year }
    var name: Name
    /// day: numeric, numeric-leading-zeros, ordinal; month: long, short, numeric,
    /// numeric-leading-zeros; year: long, short.
    var form: String?
    var rangeDelimiter: String?
    var decoration: Decoration
}

struct DateElement: Sendable {
    enum LocalizedForm: String, Sendable { case text, numeric }
    enum Parts: String, Sendable {
        case yearMonthDay = "year-month-day", yearMonth = "year-month", year
    }
    var variable: String
    var localized: LocalizedForm?
    var parts: Parts
    var dateParts: [DatePartElement]
    var delimiter: String
    var decoration: Decoration
}
