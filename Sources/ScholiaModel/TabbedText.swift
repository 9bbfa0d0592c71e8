import Foundation

/// Reading the build caches' text files (lines of tab-separated fields) straight from their bytes: a large
/// site's caches have tens of thousands of lines, and a `String` per field costs more than the rest.
package enum TabbedText {
    /// The non-empty lines of a text (the output's manifest), found with `memchr`: the generic `split` costs more than
    /// what a build then does with them.
    package static func lines(of data: Data) -> [String] {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return [] }
            var lines: [String] = [], start = 0
            while start < bytes.count {
                let newline = memchr(base + start, 0x0A, bytes.count - start).map { $0 - UnsafeMutableRawPointer(mutating: base) } ?? bytes.count
                if newline > start { lines.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start ..< newline]), as: UTF8.self)) }
                start = newline + 1
            }
            return lines
        }
    }

    /// Calls `line` with the fields of each line (ranges into `bytes`); stops, returning false, when it does.
    /// A last line without a line break is a line too.
    package static func forEachLine(_ bytes: [UInt8], _ line: (_ fields: [Range<Int>]) -> Bool) -> Bool {
        var fields: [Range<Int>] = []
        var start = 0, fieldStart = 0
        for index in bytes.indices {
            switch bytes[index] {
            case 0x09:
                fields.append(fieldStart ..< index)
                fieldStart = index + 1
            case 0x0A:
                fields.append(fieldStart ..< index)
                guard line(fields) else { return false }
                fields.removeAll(keepingCapacity: true)
                start = index + 1
                fieldStart = start
            default: break
            }
        }
        if start < bytes.count {
            fields.append(fieldStart ..< bytes.count)
            return line(fields)
        }
        return true
    }

    /// A decimal integer, with an optional minus sign, as `Int64(_:)` reads it; nil for anything else.
    package static func decimal(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
        var range = range
        let negative = range.first.map { bytes[$0] == UInt8(ascii: "-") } ?? false
        if negative || range.first.map({ bytes[$0] == UInt8(ascii: "+") }) == true { range = range.dropFirst() }
        guard !range.isEmpty else { return nil }
        var value: Int64 = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int64(digit)) : times.addingReportingOverflow(Int64(digit))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// A hexadecimal unsigned integer, as `UInt64(_:radix: 16)` reads it; nil for anything else.
    package static func hex(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64? {
        var range = range
        if range.first.map({ bytes[$0] == UInt8(ascii: "+") }) == true { range = range.dropFirst() }
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    package static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
