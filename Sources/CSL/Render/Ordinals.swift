/// Ordinal suffixes, long ordinals and roman numerals from the locale's terms.
enum Ordinals {
    static func ordinal(_ n: Int, gender: String?, locale: ResolvedLocale) -> String {
        String(n) + (suffix(n, gender: gender, locale: locale) ?? "")
    }

    static func suffix(_ n: Int, gender: String?, locale: ResolvedLocale) -> String? {
        let lastTwo = n % 100
        let lastOne = n % 10
        // Two-digit terms match the last two digits; one-digit terms the last digit.
        if let t = matching("ordinal-" + pad(lastTwo), n: n, digits: 2, gender: gender, locale: locale) { return t }
        if let t = matching("ordinal-" + pad(lastOne), n: n, digits: 1, gender: gender, locale: locale) { return t }
        return locale.term("ordinal", genderForm: gender)?.single
    }

    private static func matching(_ name: String, n: Int, digits: Int, gender: String?, locale: ResolvedLocale) -> String? {
        guard let term = locale.term(name, genderForm: gender) else { return nil }
        let value = Int(name.suffix(2))!
        switch term.match ?? (digits == 2 ? "last-two-digits" : "last-digit") {
        case "whole-number": return n == value ? term.single : nil
        case "last-two-digits": return n % 100 == value ? term.single : nil
        default:
            return n % 10 == value ? term.single : nil
        }
    }

    static func longOrdinal(_ n: Int, gender: String?, locale: ResolvedLocale) -> String {
        if (1...10).contains(n), let t = locale.term("long-ordinal-" + pad(n), genderForm: gender) { return t.single }
        return ordinal(n, gender: gender, locale: locale)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n
        var s = ""
        for (value, letters) in table { while n >= value { s += letters; n -= value } }
        return s
    }
}
