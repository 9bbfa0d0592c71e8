/// Escaping exactly as swift-mustache 2.1.1: `<` `>` `&` `"` `'` become `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`,
/// nothing else changes. Only the five ASCII bytes are looked at; the runs between them are copied whole.
extension Renderer {
    /// Bit n is set when byte n must be escaped (all five are below 64).
    private static let escapeMask: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62

    mutating func appendEscaped(_ text: String) {
        // Most values have nothing to escape: appended as they are.
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 64 && Self.escapeMask >> byte & 1 != 0 { return false }
            return true
        }
        if clean == true {
            output += text
            return
        }
        let bytes = Array(text.utf8)
        // Escaped into one new string (at most 6 bytes per byte), appended once.
        output += String(unsafeUninitializedCapacity: bytes.count * 6) { buffer in
            var written = 0
            func write(_ entity: StaticString) {
                entity.withUTF8Buffer { for byte in $0 { buffer[written] = byte; written += 1 } }
            }
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 64, Self.escapeMask >> byte & 1 != 0,
                      // swift-mustache compares Characters: a `<` that is part of a larger character (followed by
                      // a combining mark, say) stays as it is. Only a non-ASCII neighbour can make that happen.
                      !((index + 1 < bytes.count && bytes[index + 1] >= 0x80) || (index > 0 && bytes[index - 1] >= 0x80))
                        || Self.isWholeCharacter(text, utf8Offset: index)
                else {
                    buffer[written] = byte
                    written += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"): write("&lt;")
                case UInt8(ascii: ">"): write("&gt;")
                case UInt8(ascii: "&"): write("&amp;")
                case UInt8(ascii: "\""): write("&quot;")
                default: write("&#39;")
                }
            }
            return written
        }
    }

    /// Whether the byte at `offset` is a character on its own (not joined to its neighbours into one grapheme).
    static func isWholeCharacter(_ text: String, utf8Offset offset: Int) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let start = index.samePosition(in: text) else { return false }
        return text[start].unicodeScalars.count == 1
    }
}
