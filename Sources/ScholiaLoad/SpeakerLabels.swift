import ScholiaModel

/// Decides which paragraph openings are speaker labels and whom they name.
///
/// A label is one of the document's declared labels (in any case), a declared speaker's name, an
/// all-capitals label (`QUESTION`, `MR. SMITH`), or a short title-case label ending in a declared speaker's
/// family name (`Senator Kennedy`). A label whose last word is the family name of exactly one declared
/// speaker (`SECRETARY KERRY`) is that speaker's.
struct SpeakerLabels: Sendable {
    struct Speaker: Sendable {
        var id: String
        var labels: [String]
        var name: String
        var familyName: String?
    }

    private var declared: [String: String] = [:]      // normalised label → speaker id
    /// False for letters and memoranda: "DEAR SIR:" opens a letter, not a speaker's turn.
    private let guessesLabels: Bool
    private var byFamilyName: [String: [String]] = [:]  // normalised family name → speaker ids

    init(speakers: [Speaker], guessesLabels: Bool = true) {
        self.guessesLabels = guessesLabels
        for speaker in speakers {
            for label in speaker.labels + [speaker.name] {
                declared[Self.normalise(label)] = declared[Self.normalise(label)] ?? speaker.id
            }
            if let family = speaker.familyName {
                byFamilyName[Self.normalise(family), default: []].append(speaker.id)
            }
        }
    }

    /// Periods, case and runs of spaces do not matter: "Howard K Smith" is "HOWARD K. SMITH".
    static func normalise(_ label: String) -> String {
        TranscriptBytes.normalisedLabel(label) ?? characterNormalise(label)
    }

    static func characterNormalise(_ label: String) -> String {
        label.uppercased().filter { $0 != "." }.split(separator: " ").joined(separator: " ")
    }

    func isLabel(_ candidate: String) -> Bool {
        declared[Self.normalise(candidate)] != nil || (guessesLabels && (Self.looksLikeLabel(candidate) || namesOneSpeaker(candidate)))
    }

    /// "Senator Kennedy", "Mr. Nixon": every word capitalised, at most five, the last a declared family name.
    private func namesOneSpeaker(_ candidate: String) -> Bool {
        let words = candidate.split(separator: " ")
        guard words.count <= 5, words.allSatisfy({ $0.first?.isUppercase == true }),
              let last = Self.normalise(candidate).split(separator: " ").last else { return false }
        return byFamilyName[String(last)]?.count == 1
    }

    /// All capitals, at most six words, letters, digits and a little punctuation only.
    static func looksLikeLabel(_ candidate: String) -> Bool {
        let words = candidate.split(separator: " ")
        guard words.count <= 6, candidate.contains(where: \.isLetter) else { return false }
        return candidate.allSatisfy { character in
            (character.isLetter && character.isUppercase) || character.isNumber || " .'’-&".contains(character)
        }
    }

    func speaker(for label: String) -> (id: String, declared: Bool) {
        let key = Self.normalise(label)
        if let id = declared[key] { return (id, true) }
        if let last = key.split(separator: " ").last, let ids = byFamilyName[String(last)], ids.count == 1 {
            return (ids[0], true)
        }
        let slug = Identifier.slug(label)
        return (slug.isEmpty ? "speaker" : slug, false)
    }
}
