import Foundation
import ScholiaModel

/// Reads a content file as UTF-8, reporting where an invalid byte is.
package enum ContentFile {
    package static func read(_ url: URL, displayPath: String, _ diagnostics: inout DiagnosticList) -> String? {
        decode(FileManager.default.contents(atPath: url.path), displayPath: displayPath, &diagnostics)
    }

    /// The text of bytes read before; nil bytes are a file that could not be read.
    static func decode(_ data: Data?, displayPath: String, _ diagnostics: inout DiagnosticList) -> String? {
        guard let data else {
            diagnostics.error("cannot read the file", at: SourceLocation(path: displayPath))
            return nil
        }
        // Data's own search goes through its generic indices, a cost per byte; the raw bytes are searched first.
        if data.withUnsafeBytes({ holds(0, $0) }), let nul = data.firstIndex(of: 0) {
            let before = data[data.startIndex..<nul]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = nul - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex) + 1
            diagnostics.error("the file holds a NUL byte, which is not text (a file saved by another program?)", at: SourceLocation(path: displayPath, line: line, column: column))
            return nil
        }
        if var text = String(data: data, encoding: .utf8) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // Swift reads "\r\n" as one character; files saved on Windows read like any other.
            let hasCR = text.utf8.withContiguousStorageIfAvailable { holds(0x0D, UnsafeRawBufferPointer($0)) }
                ?? text.utf8.contains(0x0D)
            if hasCR { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            return text
        }
        let (line, column) = firstInvalidUTF8(in: data)
        diagnostics.error("the file is not valid UTF-8 text (save it as UTF-8)", at: SourceLocation(path: displayPath, line: line, column: column))
        return nil
    }

    private static func holds(_ byte: UInt8, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// The line and column (in bytes) of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count,
                  bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
                return (line, index - lineStart + 1)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
