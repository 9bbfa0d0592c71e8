/// Applies `text-case` to rendered nodes, leaving `nocase` content untouched.
enum TextCaser {
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on",
        "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
    ]

    private enum Action { case keep, upper, lower }

    /// `turkic`: Turkish and Azerbaijani case dotted and dotless i apart ("i" ↔ "İ", "ı" ↔ "I").
    static func apply(_ textCase: TextCase, to nodes: [Node], turkic: Bool = false) -> [Node] {
        // Gather the text leaves in order; protected ones still count as words.
        var leaves: [(text: String, protected: Bool)] = []
        let guardsParticles = textCase != .lowercase && textCase != .uppercase
        collect(nodes, protected: false, particles: guardsParticles, into: &leaves)
        let chars = Array(leaves.map(\.text).joined().unicodeScalars)
        let actions = plan(textCase, chars, protectedMask(leaves))
        var position = 0
        return rewrite(nodes, protected: false, particles: guardsParticles) { text, protected in
            // Most leaves keep their case (title case changes a few word starts): reuse them.
            if !turkic && text.utf8.allSatisfy({ $0 < 0x80 }) {
                let end = position + text.utf8.count
                defer { position = end }
                if protected || actions[position..<end].allSatisfy({ $0 == .keep }) { return text }
                return asciiRecased(text, actions[position..<end])
            }
            var out = ""
            for c in text.unicodeScalars {
                switch protected ? .keep : actions[position] {
                case .keep: out.unicodeScalars.append(c)
                case .upper: Self.append(c, upper: true, turkic: turkic, to: &out)
                case .lower: Self.append(c, upper: false, turkic: turkic, to: &out)
                }
                position += 1
            }
            return out
        }
    }

    /// `text` is ASCII, so each byte is one scalar with one action.
    private static func asciiRecased(_ text: String, _ actions: ArraySlice<Action>) -> String {
        var bytes = Array(text.utf8)
        for (i, action) in zip(bytes.indices, actions) {
            let b = bytes[i]
            switch action {
            case .keep: break
            case .upper: if b >= 0x61 && b <= 0x7A { bytes[i] = b - 32 }
            case .lower: if b >= 0x41 && b <= 0x5A { bytes[i] = b + 32 }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func collect(_ nodes: [Node], protected: Bool, particles: Bool,
                                into leaves: inout [(text: String, protected: Bool)]) {
        for node in nodes {
            switch node {
            case .text(let s): leaves.append((s, protected))
            case .nocase(let c): collect(c, protected: true, particles: particles, into: &leaves)
            case .tag(.particle, let c): collect(c, protected: protected || particles, particles: particles, into: &leaves)
            case .styled(let style, let c):
                // Small caps and super/subscripts in source text are treated as protected.
                collect(c, protected: protected || [.smallCaps, .sup, .sub].contains(style), particles: particles, into: &leaves)
            case .quoted(let c), .display(_, let c), .tag(_, let c):
                collect(c, protected: protected, particles: particles, into: &leaves)
            }
        }
    }

    private static func protectedMask(_ leaves: [(text: String, protected: Bool)]) -> [Bool] {
        leaves.flatMap { leaf in Array(repeating: leaf.protected, count: leaf.text.unicodeScalars.count) }
    }

    private static func rewrite(_ nodes: [Node], protected: Bool, particles: Bool,
                                _ f: (String, Bool) -> String) -> [Node] {
        nodes.map { node in
            switch node {
            case .text(let s): return .text(f(s, protected))
            case .nocase(let c): return .nocase(rewrite(c, protected: true, particles: particles, f))
            case .tag(.particle, let c): return .tag(.particle, rewrite(c, protected: protected || particles, particles: particles, f))
            case .styled(let st, let c):
                return .styled(st, rewrite(c, protected: protected || [.smallCaps, .sup, .sub].contains(st), particles: particles, f))
            case .quoted(let c): return .quoted(rewrite(c, protected: protected, particles: particles, f))
            case .display(let d, let c): return .display(d, rewrite(c, protected: protected, particles: particles, f))
            case .tag(let t, let c): return .tag(t, rewrite(c, protected: protected, particles: particles, f))
            }
        }
    }

    private static func plan(_ textCase: TextCase, _ chars: [Unicode.Scalar], _ protected: [Bool]) -> [Action] {
        var actions = [Action](repeating: .keep, count: chars.count)
        switch textCase {
        case .lowercase: return [Action](repeating: .lower, count: chars.count)
        case .uppercase: return [Action](repeating: .upper, count: chars.count)
        case .capitalizeFirst:
            if let first = chars.firstIndex(where: \.isLetterScalar), isLatin(chars[first]) { actions[first] = .upper }
            return actions
        case .sentence:
            if isAllUppercase(chars, protected) {
                actions = [Action](repeating: .lower, count: chars.count)
            } else {
                // Lowercase capitalized words ("Pen"), keep acronyms and mixed case ("UK", "iPhone").
                for range in wordRanges(chars) {
                    let letters = chars[range].filter(\.isLetterScalar)
                    guard letters.count > 1 || letters != ["I" as Unicode.Scalar], letters.first?.isUpperScalar == true, letters.dropFirst().allSatisfy(\.isLowerScalar),
                          let first = chars[range].firstIndex(where: \.isLetterScalar) else { continue }
                    actions[first] = .lower
                }
            }
            if let first = chars.firstIndex(where: \.isLetterScalar) { actions[first] = .upper }
            return actions
        case .capitalizeAll:
            for range in wordRanges(chars) {
                if let first = chars[range].firstIndex(where: \.isLetterScalar), isLatin(chars[first]) { actions[first] = .upper }
            }
            return actions
        case .title:
            let words = subWordRanges(chars)
            for (n, word) in words.enumerated() {
                let range = word.range
                guard let firstLetter = chars[range].firstIndex(where: { !isOpeningMark($0) }),
                      chars[firstLetter].isLetterScalar, isLatin(chars[firstLetter]) else { continue }
                if word.afterHyphen, n > 0, !(chars[words[n - 1].range].first?.isLetterScalar ?? false) { continue }
                guard isAllLower(chars[range]) else { continue }
                let isFirst = n == 0 || endsSentence(chars, before: range.lowerBound)
                let isLast = n == words.count - 1
                if !isFirst && !isLast && isStopWord(chars[range]) { continue }
                actions[firstLetter] = .upper
            }
            return actions
        }
    }

    /// No letter of the word is uppercase or titlecase (checked without building a String).
    private static func isAllLower(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        for c in word where c.isLetterScalar {
            if c.value < 128 {
                if c.value <= 90 { return false }
            } else if c.properties.changesWhenLowercased {
                return false
            }
        }
        return true
    }

    /// The word's letters form a stop word ("of", "the"); none is longer than four letters.
    private static func isStopWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = ""
        for c in word where c.isLetterScalar {
            guard letters.utf8.count < 4, c.value < 128 else { return false }
            letters.unicodeScalars.append(c)
        }
        return stopWords.contains(letters)
    }

    /// Quotes and brackets that may open a word before its first letter.
    private static func isOpeningMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "\u{201C}", "\u{2018}", "(", "[", "{": return true
        default: return false
        }
    }

    /// Latin letters only: Greek "β-carotene" keeps its lowercase beta.
    private static func isLatin(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x0250 || (0x1E00...0x1EFF).contains(s.value)
    }

    /// Case mapping per scalar, with an arithmetic fast path for ASCII.
    private static func append(_ c: Unicode.Scalar, upper: Bool, turkic: Bool, to out: inout String) {
        let v = c.value
        if turkic && upper && c == "i" { return out.unicodeScalars.append("\u{130}") }
        if turkic && !upper && c == "I" { return out.unicodeScalars.append("\u{131}") }
        if v < 128 {
            let lowerLetter = v >= 97 && v <= 122, upperLetter = v >= 65 && v <= 90
            let mapped = upper && lowerLetter ? v - 32 : (!upper && upperLetter ? v + 32 : v)
            out.unicodeScalars.append(Unicode.Scalar(mapped)!)
        } else {
            out += upper ? c.properties.uppercaseMapping : c.properties.lowercaseMapping
        }
    }

    /// Words split at spaces, and at hyphens, slashes and dashes inside words.
    private static func subWordRanges(_ chars: [Unicode.Scalar]) -> [(range: Range<Int>, afterHyphen: Bool)] {
        var out: [(range: Range<Int>, afterHyphen: Bool)] = []
        var start: Int?
        var afterHyphen = false
        for (i, c) in chars.enumerated() {
            let breaker = c == "-" || c == "/" || c == "\u{2014}" || c == "\u{2013}"
            if c.isSpaceScalar || breaker {
                if let s = start { out.append((s..<i, afterHyphen)); start = nil }
                afterHyphen = breaker && c == "-"
                if c.isSpaceScalar { afterHyphen = false }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append((s..<chars.count, afterHyphen)) }
        return out
    }

    private static func isAllUppercase(_ chars: [Unicode.Scalar], _ protected: [Bool]) -> Bool {
        var sawLetter = false
        for (i, c) in chars.enumerated() where c.isLetterScalar && !protected[i] {
            sawLetter = true
            if c.isLowerScalar { return false }
        }
        return sawLetter
    }

    private static func wordRanges(_ chars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (i, c) in chars.enumerated() {
            if c.isSpaceScalar {
                if let s = start { ranges.append(s..<i); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { ranges.append(s..<chars.count) }
        return ranges
    }

    /// True if the word starting at `index` follows ":", "?" or "!" (a subtitle starts).
    private static func endsSentence(_ chars: [Unicode.Scalar], before index: Int) -> Bool {
        var i = index - 1
        while i >= 0 && chars[i].isSpaceScalar { i -= 1 }
        return i >= 0 && ":?!".unicodeScalars.contains(chars[i])
    }
}

extension Unicode.Scalar {
    var isLetterScalar: Bool {
        value < 128 ? (value >= 65 && value <= 90) || (value >= 97 && value <= 122) : properties.isAlphabetic
    }
    var isUpperScalar: Bool { value < 128 ? value >= 65 && value <= 90 : properties.isUppercase }
    var isLowerScalar: Bool { value < 128 ? value >= 97 && value <= 122 : properties.isLowercase }
    var isSpaceScalar: Bool { value == 32 || (value > 127 && properties.isWhitespace) || (value >= 9 && value <= 13) }
}
