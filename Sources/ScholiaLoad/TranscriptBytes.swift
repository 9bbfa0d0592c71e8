/// Byte-level versions of the transcript's line and label scans, for text where they provably find what the
/// Character-level scans find. Swift splits text into grapheme clusters: an ASCII byte is a Character of
/// its own unless it is a CR before an LF, or a non-ASCII neighbour joins it (a combining mark after it, a
/// prepended mark before it). Each scan returns nil when such a case could arise; callers then use the
/// Character-level code.
enum TranscriptBytes {
    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20, tab: UInt8 = 0x09
    private static let colon: UInt8 = 0x3A

    private static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Paragraphs split on blank lines, lines trimmed of spaces and tabs and joined with a space; nil when the
    /// text holds a CR or a trimmed space or tab touches a non-ASCII byte.
    static func paragraphs(of text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let count = bytes.count
            var paragraphs: [String] = []
            var current: [UInt8] = []
            func finishParagraph() {
                if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
            var lineStart = 0
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != lf {
                    if bytes[lineEnd] == cr { return nil }
                    lineEnd += 1
                }
                var low = lineStart, high = lineEnd
                while low < high, isBlank(bytes[low]) { low += 1 }
                while high > low, isBlank(bytes[high - 1]) { high -= 1 }
                if low == high {
                    finishParagraph()
                } else {
                    // A combining mark after a leading blank, or a prepended mark before a trailing one, would
                    // make one Character with it, which trimming keeps.
                    if low > lineStart, bytes[low] >= 0x80 { return nil }
                    if high < lineEnd, bytes[high - 1] >= 0x80 { return nil }
                    if !current.isEmpty { current.append(space) }
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[low..<high]))
                }
                lineStart = lineEnd + 1
            }
            finishParagraph()
            return paragraphs
        }
    }

    /// Where a paragraph's possible label lies, in bytes (all of them ASCII, so also in Characters).
    struct LabelScan: Equatable {
        /// The candidate label, without surrounding spaces and tabs.
        var candidate: Range<Int>
        var colon: Int
        /// Where the text after the colon and its following spaces and tabs starts.
        var rest: Int
    }

    enum LabelScanResult: Equatable {
        /// No colon among the first 80 characters, or only spaces and tabs before it.
        case noLabel
        case candidate(LabelScan)
    }

    /// The colon among the paragraph's first 80 characters and the text around it; nil when a non-ASCII
    /// byte or a CR comes before the colon, or a non-ASCII byte follows the colon or the blanks after it.
    static func scanLabel(_ paragraph: String) -> LabelScanResult? {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes -> LabelScanResult? in
            let count = bytes.count
            var colonAt = 0
            while true {
                guard colonAt < count, colonAt < 80 else { return .noLabel }
                let byte = bytes[colonAt]
                if byte >= 0x80 || byte == cr { return nil }
                if byte == colon { break }
                colonAt += 1
            }
            if colonAt + 1 < count, bytes[colonAt + 1] >= 0x80 { return nil }
            var low = 0, high = colonAt
            while low < high, isBlank(bytes[low]) { low += 1 }
            while high > low, isBlank(bytes[high - 1]) { high -= 1 }
            guard low < high else { return .noLabel }
            var rest = colonAt + 1
            while rest < count, isBlank(bytes[rest]) { rest += 1 }
            if rest > colonAt + 1, rest < count, bytes[rest] >= 0x80 { return nil }
            return .candidate(LabelScan(candidate: low..<high, colon: colonAt, rest: rest))
        }
    }

    /// `SpeakerLabels.normalise` for ASCII text: upper case, no periods, single spaces between words; nil
    /// for other text.
    static func normalisedLabel(_ label: String) -> String? {
        var label = label
        return label.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: ".") { continue }
                if byte == space {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(space); pendingSpace = false }
                out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
