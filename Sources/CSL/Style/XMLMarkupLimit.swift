import Foundation

/// libxml2 refuses a single tag (with its attribute values) or comment longer than `XML_MAX_TEXT_LENGTH`
/// unless given `XML_PARSE_HUGE`, which Foundation's `XMLParser` does not expose. Finding such a piece
/// first lets the error name the limit and the line, rather than libxml2's code 1 ("internal error").
enum XMLMarkupLimit {
    static let libxml2 = 10_000_000

    struct LongMarkup: Equatable {
        /// 1-based line where the tag or comment starts.
        let line: Int
        let length: Int
    }

    /// The first `<…>` longer than `limit` bytes (a comment runs to its `-->`, so a `>` inside it does not end it).
    static func firstMarkup(in data: Data, longerThan limit: Int) -> LongMarkup? {
        // Nothing in a file this short can be over the limit: the usual style costs no scan.
        guard data.count > limit else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> LongMarkup? in
            let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), newline = UInt8(ascii: "\n"), dash = UInt8(ascii: "-")
            var line = 1, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == newline { line += 1 }
                guard byte == lt else { index += 1; continue }
                let startLine = line, start = index
                let isComment = index + 3 < bytes.count && bytes[index + 1] == UInt8(ascii: "!")
                    && bytes[index + 2] == dash && bytes[index + 3] == dash
                index += 1
                while index < bytes.count {
                    let current = bytes[index]
                    if current == newline { line += 1 }
                    if current == gt, !isComment || (index >= 2 && bytes[index - 1] == dash && bytes[index - 2] == dash) { break }
                    index += 1
                }
                let length = min(index, bytes.count - 1) - start + 1
                if length > limit { return LongMarkup(line: startLine, length: length) }
                index += 1
            }
            return nil
        }
    }
}
