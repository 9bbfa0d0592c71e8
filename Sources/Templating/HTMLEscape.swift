/// Escaping exactly as swift-mustache 2.1.1: `<` `>` `&` `"` `'` become `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`,
/// nothing else changes. It works on whole bytes runs: only the five ASCII bytes are looked at.
extension Renderer {
    /// Bit n is set when byte n must be escaped (all five are below 64).
    private static let escapeMask: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62

    mutating func appendEscaped(_ text: String) {
        let original = text
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var runStart = 0
            for index in 0..<count {
                let byte = base[index]
                guard byte < 64, Self.escapeMask >> byte & 1 != 0 else { continue }
                // swift-mustache compares Characters: a `<` that is part of a larger character (followed by a
                // combining mark, say) stays as it is. Only a non-ASCII neighbour can make that happen.
                if (index + 1 < count && base[index + 1] >= 0x80) || (index > 0 && base[index - 1] >= 0x80),
                   !Self.isWholeCharacter(original, utf8Offset: index) {
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case UInt8(ascii: ">"): output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case UInt8(ascii: "&"): output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case UInt8(ascii: "\""): output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                default: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
    }

    mutating func appendRaw(_ text: String) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Whether the byte at `offset` is a character on its own (not joined to its neighbours into one grapheme).
    static func isWholeCharacter(_ text: String, utf8Offset offset: Int) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let start = index.samePosition(in: text) else { return false }
        return text[start].unicodeScalars.count == 1
    }
}
