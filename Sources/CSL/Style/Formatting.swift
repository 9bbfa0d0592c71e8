/// Font and decoration settings an element applies to its own output.
struct Formatting: Sendable, Equatable {
    enum FontStyle: String, Sendable { case normal, italic, oblique }
    enum FontVariant: String, Sendable { case normal, smallCaps = "small-caps" }
    enum FontWeight: String, Sendable { case normal, bold, light }
    enum TextDecoration: String, Sendable { case none, underline }
    enum VerticalAlign: String, Sendable { case baseline, sup, sub }

    var fontStyle: FontStyle?
    var fontVariant: FontVariant?
    var fontWeight: FontWeight?
    var textDecoration: TextDecoration?
    var verticalAlign: VerticalAlign?

    var isEmpty: Bool {
        fontStyle == nil && fontVariant == nil && fontWeight == nil && textDecoration == nil && verticalAlign == nil
    }
}

enum TextCase: String, Sendable {
    case lowercase, uppercase
    case capitalizeFirst = "capitalize-first"
    case capitalizeAll = "capitalize-all"
    case sentence
    case title
}

enum Display: String, Sendable {
    case block
    case leftMargin = "left-margin"
    case rightInline = "right-inline"
    case indent
}

/// Everything the spec lets most rendering elements carry besides their own content.
struct Decoration: Sendable, Equatable {
    var prefix: String = ""
    var suffix: String = ""
    var formatting = Formatting()
    var display: Display?
    var quotes = false
    var stripPeriods = false
    var textCase: TextCase?

    static let none = Decoration()

    /// Nothing to apply: rendering can pass content through untouched.
    var isPlain: Bool {
        prefix.isEmpty && suffix.isEmpty && formatting.isEmpty && display == nil && !quotes && !stripPeriods
            && textCase == nil
    }
}
