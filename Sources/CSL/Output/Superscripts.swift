/// Unicode superscript characters and the plain characters they stand for.
enum Superscripts {
    static let base: [Character: Character] = {
        let pairs: [(Character, Character)] = [
            ("\u{00AA}", "a"), ("\u{00BA}", "o"), ("\u{00B9}", "1"), ("\u{00B2}", "2"), ("\u{00B3}", "3"),
            ("\u{2070}", "0"), ("\u{2071}", "i"), ("\u{2074}", "4"), ("\u{2075}", "5"), ("\u{2076}", "6"),
            ("\u{2077}", "7"), ("\u{2078}", "8"), ("\u{2079}", "9"), ("\u{207A}", "+"), ("\u{207B}", "\u{2212}"),
            ("\u{207C}", "="), ("\u{207D}", "("), ("\u{207E}", ")"), ("\u{207F}", "n"),
            ("\u{02B0}", "h"), ("\u{02B1}", "\u{0266}"), ("\u{02B2}", "j"), ("\u{02B3}", "r"), ("\u{02B4}", "\u{0279}"),
            ("\u{02B5}", "\u{027B}"), ("\u{02B6}", "\u{0281}"), ("\u{02B7}", "w"), ("\u{02B8}", "y"),
            ("\u{02E0}", "\u{0263}"), ("\u{02E1}", "l"), ("\u{02E2}", "s"), ("\u{02E3}", "x"), ("\u{02E4}", "\u{0295}"),
            ("\u{1D2C}", "A"), ("\u{1D2E}", "B"), ("\u{1D30}", "D"), ("\u{1D31}", "E"), ("\u{1D33}", "G"),
            ("\u{1D34}", "H"), ("\u{1D35}", "I"), ("\u{1D36}", "J"), ("\u{1D37}", "K"), ("\u{1D38}", "L"),
            ("\u{1D39}", "M"), ("\u{1D3A}", "N"), ("\u{1D3C}", "O"), ("\u{1D3E}", "P"), ("\u{1D3F}", "R"),
            ("\u{1D40}", "T"), ("\u{1D41}", "U"), ("\u{1D42}", "W"), ("\u{1D43}", "a"), ("\u{1D47}", "b"),
            ("\u{1D48}", "d"), ("\u{1D49}", "e"), ("\u{1D4D}", "g"), ("\u{1D4F}", "k"), ("\u{1D50}", "m"),
            ("\u{1D52}", "o"), ("\u{1D56}", "p"), ("\u{1D57}", "t"), ("\u{1D58}", "u"), ("\u{1D5B}", "v"),
            ("\u{1D9C}", "c"), ("\u{1DA0}", "f"), ("\u{1DBB}", "z"), ("\u{2120}", "S"), ("\u{2122}", "T"),
        ]
        return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    }()

    /// The first scalar of each superscript character: text without any of them has none to replace.
    static let scalars: Set<Unicode.Scalar> = Set(base.keys.map { $0.unicodeScalars.first! })
}
