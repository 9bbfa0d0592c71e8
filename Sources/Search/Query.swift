/// A query as typed, read by the rules of the README ("Query syntax"), which `search.js` follows too.
public struct Query: Sendable, Equatable {
    /// A word or a phrase. A phrase's words carry their offset from its first word, stop words left out
    /// but still counted, so that `"state of the union"` needs `union` three places after `state`.
    public enum Part: Sendable, Equatable {
        case word(String, prefix: Bool)
        case phrase([PhraseWord])
    }

    public struct PhraseWord: Sendable, Equatable {
        public var text: String
        public var offset: Int
        public init(_ text: String, _ offset: Int) {
            self.text = text
            self.offset = offset
        }
    }

    public var required: [Part] = []
    public var excluded: [Part] = []
    /// Two-word phrases of required words typed side by side (stop words between them counted, as in a
    /// phrase): not required, but a document that holds one ranks higher ("Ranking" in the README).
    public var nearby: [Part] = []
    /// Words left out because they are too common to be indexed.
    public var droppedStopWords: [String] = []

    public var isEmpty: Bool { required.isEmpty && excluded.isEmpty }

    public init(required: [Part] = [], excluded: [Part] = [], nearby: [Part] = [], droppedStopWords: [String] = []) {
        self.required = required
        self.excluded = excluded
        self.nearby = nearby
        self.droppedStopWords = droppedStopWords
    }

    /// Reads `text`: words are all required; `"…"` is a phrase (an unclosed quote runs to the end); `-word`
    /// or `-"…"` excludes; a run of several tokens without spaces (`state-of-the-art`, CJK text) is a phrase;
    /// the last word, unless followed by a space, is also a prefix (two characters at least). Only the first
    /// 1,000 characters and 16 parts count.
    public init(_ text: String, stopWords: Set<String>) {
        struct Chunk { var text: String; var quoted: Bool; var excluded: Bool }
        var chunks: [Chunk] = []
        var current = String.UnicodeScalarView()
        var quoted = false
        var excludeNextQuote = false
        func close() {
            let chunk = String(current)
            current = String.UnicodeScalarView()
            if quoted {
                chunks.append(Chunk(text: chunk, quoted: true, excluded: excludeNextQuote))
                excludeNextQuote = false
            } else if chunk.unicodeScalars.count > 1, chunk.unicodeScalars.first == "-" {
                chunks.append(Chunk(text: String(chunk.unicodeScalars.dropFirst()), quoted: false, excluded: true))
            } else if !chunk.isEmpty, chunk != "-" {
                chunks.append(Chunk(text: chunk, quoted: false, excluded: false))
            }
        }
        let scalars = Array(text.unicodeScalars.prefix(IndexFormat.maximumQueryLength))
        for scalar in scalars {
            if scalar == "\"" {
                if !quoted { excludeNextQuote = String(current) == "-"; if excludeNextQuote { current = String.UnicodeScalarView() } }
                close()
                quoted.toggle()
            } else if !quoted && scalar.properties.isWhitespace {
                close()
            } else {
                current.append(scalar)
            }
        }
        close()
        let endsOpen = scalars.last.map { !$0.properties.isWhitespace && $0 != "\"" } ?? false

        // The last required word typed and its place, counting stop words, for `nearby`.
        var previous: (word: String, position: Int)?
        var position = 0
        for (index, chunk) in chunks.enumerated() {
            guard required.count + excluded.count < IndexFormat.maximumQueryParts else { break }
            let tokens = Tokenizer.tokens(chunk.text)
            // Punctuation alone is no word of the text; anything else takes one place (a phrase breaks the run).
            if tokens.isEmpty { continue }
            defer { position += 1 }
            if chunk.quoted || chunk.excluded || tokens.count != 1 { previous = nil }
            let kept = tokens.filter { !stopWords.contains($0.text) }
            droppedStopWords += tokens.filter { stopWords.contains($0.text) }.map(\.text)
            guard let first = kept.first else { continue }
            let part: Part
            if kept.count == 1 {
                let prefix = index == chunks.count - 1 && endsOpen && !chunk.quoted && !chunk.excluded && tokens.count == 1
                    && !first.isCJK && first.text.unicodeScalars.count >= 2
                part = .word(first.text, prefix: prefix)
                if !chunk.quoted && !chunk.excluded && tokens.count == 1 {
                    // A prefix counts as typed: once it is a whole word, the pair is found.
                    if let previous, nearby.count < IndexFormat.maximumNearbyPairs { nearby.append(.phrase([PhraseWord(previous.word, 0), PhraseWord(first.text, position - previous.position)])) }
                    previous = (first.text, position)
                }
            } else {
                part = .phrase(kept.map { PhraseWord($0.text, $0.position - first.position) })
            }
            if chunk.excluded { excluded.append(part) } else { required.append(part) }
        }
    }
}
