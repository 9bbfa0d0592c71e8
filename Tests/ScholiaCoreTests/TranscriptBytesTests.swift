import Testing
import Markdown
@testable import ScholiaModel
@testable import ScholiaLoad

/// The byte scans in `TranscriptBytes` must find what the Character-level code finds, or step aside.
@Suite struct TranscriptBytesTests {
    let labels = SpeakerLabels(speakers: [
        .init(id: "john-kerry", labels: ["SECRETARY KERRY"], name: "John F. Kerry", familyName: "Kerry"),
        .init(id: "howard-k-smith", labels: ["Howard K Smith"], name: "Howard K. Smith", familyName: "Smith"),
        .init(id: "jose-nunez", labels: ["SEÑOR NÚÑEZ"], name: "José Núñez", familyName: "Núñez"),
    ])

    /// Texts that touch every rule: CR and CRLF, tabs, non-ASCII labels and neighbours, combining and
    /// prepended marks next to blanks and colons, periods in labels, a colon past 80 characters, remarks.
    static let cases: [String] = [
        "",
        "\n",
        "\n\n\n",
        "QUESTION: Why now?\n\nSECRETARY KERRY: Well, the –\nalternative.\n\nNow, up until now.\n",
        "QUESTION: one\r\ntwo\r\n\r\nMR. SMITH: three\r\n",
        "QUESTION: lone\rCR\n\nnext",
        "\tQUESTION:\tTabbed\t\n\t \n  MR. SMITH:  \t spaced  \n",
        "SEÑOR NÚÑEZ: Gracias.\n\nsenor nunez: no.\n\nSEÑOR NÚÑEZ : spaced",
        "Howard K. Smith: Good evening.\n\nhoward k smith: Again.\n\nHOWARD  K.  SMITH: Runs.",
        "MR. SMITH: Next.\n\nDR. J. R. OPPENHEIMER: Physics.\n\n. . .: dots",
        String(repeating: "A", count: 79) + ": at 80\n\n" + String(repeating: "B", count: 80) + ": at 81",
        String(repeating: "é", count: 79) + ": non-ASCII at 80\n\n" + String(repeating: "e\u{301}", count: 80) + ": at 81",
        "QUESTION:\u{301} combining after the colon\n\nQUESTION: \u{301}combining after the space",
        " \u{301}leading combining\n\nword \u{600}\n\n\u{600} \t\n\ntrailing\u{600} ",
        "[Applause]\n\nQUESTION: (Inaudible), anyway [in Russian] (NATO) (the Geneva communique).",
        "QUESTION:\n\n:\n\n  :  \n\nNo label here: this is prose that is long enough to be a sentence.",
        "PRESIDENT BUSH: Thank you.\u{A0}\n\n\u{A0}QUESTION: nbsp\n\n\u{FEFF}QUESTION: bom",
        "Senator Kennedy: Yes.\n\nMr. Nixon: No.\n\nSECRETARY KERRY: ok\n\nsecretary kerry:lower",
        "QUESTION: emoji 👍🏽 and flags 🇫🇷\n\n👍: thumbs",
        // Canonically equivalent labels in other bytes: equal as Strings, yet each is judged on its own.
        "Señor Núñez: a\n\nSen\u{303}or Nu\u{301}n\u{303}ez: b\n\nSECRETARY KERRY: c\n\nSECRETARY \u{212A}ERRY: d",
    ]

    /// Random texts from a small alphabet of the same troublemakers.
    static func randomTexts(count: Int) -> [String] {
        let pieces = [" ", " ", "\t", "\n", "\n", "\r", "\r\n", ":", ":", ".", "a", "Q", "MR", "SMITH", "KERRY", "É", "ñ",
                      "\u{301}", "\u{600}", "\u{A0}", "–", "[", "]", "(", ")", "Laughter", "x y"]
        var generator = SplitMix64(seed: 0x5C401A)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    static var allTexts: [String] { cases + randomTexts(count: 3000) }

    @Test func paragraphsMatchTheCharacterSplit() {
        for text in Self.allTexts {
            #expect(TranscriptBuilder.paragraphs(of: text) == TranscriptBuilder.characterParagraphs(of: text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func labelsMatchTheCharacterSplit() {
        var texts = Self.allTexts
        for text in Self.allTexts { texts += TranscriptBuilder.characterParagraphs(of: text) }
        var fast = TranscriptBuilder(labels: labels)
        var slow = TranscriptBuilder(labels: labels)
        for text in texts {
            let (label, rest) = fast.splitLabel(text)
            let (expectedLabel, expectedRest) = slow.characterSplitLabel(text)
            #expect(label?.text == expectedLabel?.text, "\(Array(text.unicodeScalars))")
            #expect(label?.consumed == expectedLabel?.consumed, "\(Array(text.unicodeScalars))")
            #expect(rest == expectedRest, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func normalisedLabelsMatchTheCharacterCode() {
        let labels = ["Howard K. Smith", "  mr.  smith  ", "A.B", ". A .", "SEÑOR NÚÑEZ", "straße", "x\u{301}.y", "",
                      "a\r\nb", "dr. j. r. oppenheimer", "Q\tA"] + Self.randomTexts(count: 2000)
        for label in labels {
            #expect(SpeakerLabels.normalise(label) == SpeakerLabels.characterNormalise(label), "\(Array(label.unicodeScalars))")
        }
    }

    /// The byte scans decide the usual text themselves, en dashes and accents inside lines included.
    @Test func theByteScansDecideOrdinaryText() {
        #expect(TranscriptBytes.paragraphs(of: Self.cases[3]) == ["QUESTION: Why now?", "SECRETARY KERRY: Well, the – alternative.", "Now, up until now."])
        #expect(TranscriptBytes.paragraphs(of: "Café\n  naïve  \n–\n") == ["Café naïve –"])
        #expect(TranscriptBytes.scanLabel("MR. SMITH:  \tWell, José –") == .candidate(.init(candidate: 0..<9, colon: 9, rest: 13)))
        #expect(TranscriptBytes.scanLabel("  Q :x") == .candidate(.init(candidate: 2..<3, colon: 4, rest: 5)))
        #expect(TranscriptBytes.scanLabel(String(repeating: "B", count: 80) + ": late") == .noLabel)
        #expect(TranscriptBytes.normalisedLabel("Howard  K. smith ") == "HOWARD K SMITH")
    }

    /// Where a Character could span more than one byte across a blank, a CR or a colon, the bytes step aside.
    @Test func theByteScansStepAsideWhereCharactersJoin() {
        #expect(TranscriptBytes.paragraphs(of: "a\r\nb") == nil)
        #expect(TranscriptBytes.paragraphs(of: "a\n \u{301}b") == nil)
        #expect(TranscriptBytes.paragraphs(of: "a\u{600} \nb") == nil)
        #expect(TranscriptBytes.scanLabel("Q:\u{301} x") == nil)
        #expect(TranscriptBytes.scanLabel("Q: \u{301}x") == nil)
        #expect(TranscriptBytes.scanLabel("SEÑOR: x") == nil)
        #expect(TranscriptBytes.scanLabel("Q\r\nA: x") == nil)
        #expect(TranscriptBytes.normalisedLabel("Señor") == nil)
    }

    /// Whole transcripts: the labels, speakers, paragraphs and their HTML stay as the Character code made them.
    @Test func plainTextTranscriptsMatchTheCharacterCode() {
        for text in Self.allTexts {
            var turns: [(String?, [String])] = []
            for paragraph in TranscriptBuilder.characterParagraphs(of: text) {
                // A builder per paragraph: nothing is remembered from one label to the next.
                var reference = TranscriptBuilder(labels: labels)
                let (label, rest) = reference.characterSplitLabel(paragraph)
                let html = TranscriptBuilder.editorialHTML(rest).0
                if let label { turns.append((label.text, [html])) } else if turns.isEmpty { turns.append((nil, [html])) } else { turns[turns.count - 1].1.append(html) }
            }
            let transcript = TranscriptBuilder.plainText(text, labels: labels)
            #expect(transcript.turns.map(\.label) == turns.map(\.0), "\(Array(text.unicodeScalars))")
            let speakers = turns.map { turn in turn.0.map { labels.speaker(for: $0) } }
            #expect(transcript.turns.map(\.speakerID) == speakers.map { $0?.id }, "\(Array(text.unicodeScalars))")
            #expect(transcript.turns.map(\.isDeclaredSpeaker) == speakers.map { $0?.declared ?? false }, "\(Array(text.unicodeScalars))")
            #expect(transcript.paragraphs.map(\.html) == turns.flatMap(\.1), "\(Array(text.unicodeScalars))")
        }
    }

    /// Escaping and scalar counts as HTML.escape and the unicode scalar view give them, piece by piece.
    @Test func editorialHTMLMatchesEscapingEachPiece() {
        let texts = Self.allTexts + ["<b>\"it's\" & [Applause] (Laughter.) é\u{301} 👍🏽 [x<y]", "[a&b]", "plain"]
        for text in texts {
            var html = ""
            var layout = ParagraphLayout()
            func add(_ piece: Substring) {
                guard !piece.isEmpty else { return }
                let escaped = HTML.escape(piece)
                html += escaped
                layout.pieces.append(.init(.text, htmlLength: escaped.utf8.count, textLength: piece.unicodeScalars.count))
            }
            var cursor = text.startIndex
            for range in EditorialRemarks.ranges(in: text) {
                add(text[cursor..<range.lowerBound])
                html += #"<span class="editorial">"#
                layout.pieces.append(.init(.open, htmlLength: 24))
                add(text[range])
                html += "</span>"
                layout.pieces.append(.init(.close, htmlLength: 7))
                cursor = range.upperBound
            }
            add(text[cursor...])
            let (builtHTML, builtLayout) = TranscriptBuilder.editorialHTML(text)
            #expect(builtHTML == html, "\(Array(text.unicodeScalars))")
            #expect(builtLayout == layout, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func repeatedLabelsResolveToTheSameSpeaker() {
        let text = (1...50).map { "SECRETARY KERRY: \($0)\n\nQUESTION: \($0)?\n\nSeñor Núñez: sí" }.joined(separator: "\n\n")
        let transcript = TranscriptBuilder.plainText(text, labels: labels)
        #expect(transcript.turns.count == 150)
        #expect(Set(transcript.turns.map(\.speakerID)) == ["john-kerry", "question", "jose-nunez"])
        let kerry = transcript.turns.filter { $0.speakerID == "john-kerry" }
        #expect(kerry.count == 50 && kerry.allSatisfy { $0.isDeclaredSpeaker })
    }
}
