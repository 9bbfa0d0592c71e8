/// A number variable's value split into numbers and the separators between them, so that
/// "12-15" or "2nd, 4th" can be tested for numericness, labelled and reformatted.
struct NumericValue {
    enum Piece: Equatable { case number(String), separator(String) }
    var pieces: [Piece]

    /// nil when the text is not numeric in the CSL sense (every token must contain a digit).
    init?(_ raw: String) {
        let text = raw.trimmedSpaces
        guard !text.isEmpty else { return nil }
        var pieces: [Piece] = []
        var token = ""
        var separator = ""
        func flushToken() -> Bool {
            guard !token.isEmpty else { return true }
            guard token.contains(where: \.isNumber) || Self.isRoman(token) else { return false }
            pieces.append(.number(token))
            token = ""
            return true
        }
        var escaped = false
        for c in text {
            // "\-" is a literal hyphen inside one number ("327\-30"), not a range.
            if c == "\\" { escaped = true; continue }
            if escaped {
                escaped = false
                if !separator.isEmpty { pieces.append(.separator(separator)); separator = "" }
                token.append(c)
                continue
            }
            if c == "-" || c == "\u{2013}" || c == "," || c == "&" || c == " " {
                guard flushToken() else { return nil }
                separator.append(c)
            } else {
                if !separator.isEmpty { pieces.append(.separator(separator)); separator = "" }
                token.append(c)
            }
        }
        guard flushToken(), separator.isEmpty || !pieces.isEmpty else { return nil }
        if !separator.isEmpty { pieces.append(.separator(separator)) }
        guard pieces.contains(where: { if case .number = $0 { return true }; return false }) else { return nil }
        // A separator made only of spaces between numbers is not a list ("12 15" is not numeric).
        for p in pieces { if case .separator(let s) = p, s.trimmedSpaces.isEmpty { return nil } }
        self.pieces = pieces
    }

    /// More than one number: "1-3", "1, 3", "1 & 3".
    var isPlural: Bool { pieces.filter { if case .number = $0 { return true }; return false }.count > 1 }

    private static func isRoman(_ s: String) -> Bool {
        !s.isEmpty && s.count < 8 && s.lowercased().allSatisfy { "ivxlcdm".contains($0) }
    }

    /// Canonical separators: ", " for commas, " & " for ampersands, the range delimiter for hyphens.
    func render(rangeDelimiter: String, number: (String) -> String) -> String {
        var out = ""
        for p in pieces {
            switch p {
            case .number(let n): out += number(n)
            case .separator(let s):
                let core = s.trimmedSpaces
                switch core {
                case "-", "\u{2013}", "--": out += rangeDelimiter
                case ",": out += ", "
                case "&": out += " & "
                default: out += s
                }
            }
        }
        return out
    }
}

import Foundation
