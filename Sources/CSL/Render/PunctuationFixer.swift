/// Cleans punctuation where separately rendered pieces meet: doubled periods, "?." and, for
/// locales that want it, periods and commas moved inside closing quotes.
struct PunctuationFixer {
    let punctuationInQuote: Bool

    private enum Token {
        case text(String)
        case open(Node)  // the node with its children removed
        case close
    }

    func fix(_ nodes: [Node]) -> [Node] {
        var tokens: [Token] = []
        flatten(nodes, into: &tokens)
        // Most outputs need no change: then the tree is kept rather than rebuilt.
        guard adjust(&tokens) else { return nodes }
        var index = 0
        return rebuild(tokens, &index)
    }

    private func flatten(_ nodes: [Node], into tokens: inout [Token]) {
        for node in nodes {
            switch node {
            case .text(let s): if !s.isEmpty { tokens.append(.text(s)) }
            case .styled(let st, let c): tokens.append(.open(.styled(st, []))); flatten(c, into: &tokens); tokens.append(.close)
            case .quoted(let c): tokens.append(.open(.quoted([]))); flatten(c, into: &tokens); tokens.append(.close)
            case .display(let d, let c): tokens.append(.open(.display(d, []))); flatten(c, into: &tokens); tokens.append(.close)
            case .nocase(let c): tokens.append(.open(.nocase([]))); flatten(c, into: &tokens); tokens.append(.close)
            case .tag(let t, let c): tokens.append(.open(.tag(t, []))); flatten(c, into: &tokens); tokens.append(.close)
            }
        }
    }

    private func rebuild(_ tokens: [Token], _ index: inout Int) -> [Node] {
        var out: [Node] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let s): if !s.isEmpty { out.append(.text(s)) }
            case .close: return out
            case .open(let shell):
                let children = rebuild(tokens, &index)
                switch shell {
                case .styled(let st, _): out.append(.styled(st, children))
                case .quoted: out.append(.quoted(children))
                case .display(let d, _): out.append(.display(d, children))
                case .nocase: out.append(.nocase(children))
                case .tag(let t, _): out.append(.tag(t, children))
                case .text: break
                }
            }
        }
        return out
    }

    /// Returns whether any text changed.
    private func adjust(_ tokens: inout [Token]) -> Bool {
        var changed = false
        var lastText: Int?  // index of the previous non-empty text token
        var quoteClosedSince = false
        var openQuotes: [Bool] = []  // stack: is each open node a quote
        var openAffixes: [Bool] = []  // stack: is each open node a cite's affix
        var inAffix = 0
        var lastTextInAffix = false
        for i in tokens.indices {
            switch tokens[i] {
            case .open(let shell):
                if case .quoted = shell { openQuotes.append(true) } else { openQuotes.append(false) }
                if case .tag(.affix, _) = shell { openAffixes.append(true); inAffix += 1 } else { openAffixes.append(false) }
            case .close:
                // A quote the author typed in a cite's affix keeps the punctuation after it.
                if openQuotes.popLast() == true { quoteClosedSince = inAffix == 0 }
                if openAffixes.popLast() == true { inAffix -= 1 }
            case .text(var s):
                // The rules only concern marks that are whole characters on their own.
                let before = s.utf8.count
                if let p = lastText, case .text(var prev) = tokens[p],
                   let first = Self.leadingScalar(s), let last = Self.trailingScalar(prev) {
                    let movesIn = punctuationInQuote && quoteClosedSince && (first == "." || first == ",")
                    // A comma that ends the author's suffix stands in for the ";" between cites.
                    let endsAffix = lastTextInAffix && inAffix == 0 && last == "," && first == ";"
                    switch endsAffix ? .dropNext : Self.merge(last, first) {
                    case .dropNext:
                        s.unicodeScalars.removeFirst()
                    case .replacePrevious:
                        prev.unicodeScalars.removeLast()
                        tokens[p] = .text(prev)
                        changed = true
                    case .keepBoth:
                        if movesIn {
                            s.unicodeScalars.removeFirst()
                            prev.unicodeScalars.append(first)
                            tokens[p] = .text(prev)
                            changed = true
                        } else if last == " " && first == " " {
                            s.unicodeScalars.removeFirst()
                        }
                    }
                }
                if s.utf8.count != before {  // only ever shortened by a leading mark
                    tokens[i] = .text(s)
                    changed = true
                }
                if !s.isEmpty { lastText = i; lastTextInAffix = inAffix > 0; quoteClosedSince = false }
            }
        }
        return changed
    }

    enum Merge { case keepBoth, dropNext, replacePrevious }

    /// How two punctuation marks combine where pieces meet (the rules citeproc-js applies):
    /// "?" then "." keeps "?", ":" then "!" becomes "!", "." then "," keeps both.
    static func merge(_ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Merge {
        switch (previous, next) {
        case (":", ":"), (";", ":"), ("!", ":"), ("?", ":"): return .dropNext
        case (":", "."), (".", "."), (";", "."), ("!", "."), ("?", "."), ("\u{2026}", "."): return .dropNext
        case (";", ";"), ("!", "!"), ("?", "?"), (",", ","): return .dropNext
        case (":", "!"), (";", "!"), (":", "?"), (";", "?"): return .replacePrevious
        default: return .keepBoth
        }
    }

    // Scalars rather than Characters: this runs wherever two pieces meet, and Character access
    // and comparison are slow. Two ASCII bytes in a row are two characters (except CR LF).

    /// The first character of `s` if it is a single scalar.
    static func leadingScalar(_ s: String) -> Unicode.Scalar? {
        let bytes = s.utf8
        guard let b = bytes.first else { return nil }
        if b < 0x80 && b != 0x0D && (bytes.dropFirst().first ?? 0) < 0x80 { return Unicode.Scalar(b) }
        return s.first.flatMap(singleScalar)
    }

    /// The last character of `s` if it is a single scalar.
    static func trailingScalar(_ s: String) -> Unicode.Scalar? {
        let bytes = s.utf8
        guard let b = bytes.last else { return nil }
        if b < 0x80 && b != 0x0A && (bytes.dropLast().last ?? 0) < 0x80 { return Unicode.Scalar(b) }
        return s.last.flatMap(singleScalar)
    }

    private static func singleScalar(_ c: Character) -> Unicode.Scalar? {
        let scalars = c.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }
}
