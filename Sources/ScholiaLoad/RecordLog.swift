import Foundation
import ScholiaModel

/// The framing of the caches that are logs of binary records (`DocumentCache`, `SiteSnapshot`): each record is its
/// length as a varint, its bytes, then the fingerprint of its bytes (8 bytes, little-endian), so that a file cut short
/// or edited is found out and not trusted.
package enum RecordLog {
    /// Appends `record`, framed, to `body`.
    package static func append(_ record: [UInt8], to body: inout Data) {
        record.withUnsafeBufferPointer { append($0, to: &body) }
    }

    package static func append(_ record: UnsafeBufferPointer<UInt8>, to body: inout Data) {
        var length: [UInt8] = []
        CompactBytes.appendVarint(UInt64(record.count), to: &length)
        body.append(contentsOf: length)
        body.append(record)
        withUnsafeBytes(of: check(of: UnsafeRawBufferPointer(record)).littleEndian) { body.append(contentsOf: $0) }
    }

    /// Where each record's bytes are in the body, with the fingerprint it gives them; nil if a length runs past the end.
    package static func ranges(in body: UnsafeBufferPointer<UInt8>) -> [(bytes: Range<Int>, check: UInt64)]? {
        var records: [(bytes: Range<Int>, check: UInt64)] = []
        var position = 0
        while position < body.count {
            var length: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard position < body.count, shift < 64 else { return nil }
                let byte = body[position]
                position += 1
                length |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard length <= UInt64(body.count - position), body.count - position - Int(length) >= 8 else { return nil }
            let end = position + Int(length)
            let check = UInt64(littleEndian: UnsafeRawBufferPointer(body).loadUnaligned(fromByteOffset: end, as: UInt64.self))
            records.append((position ..< end, check))
            position = end + 8
        }
        return records
    }

    /// The records of `file` (mapped: `Data.mappedFile`), which starts with `header`.
    package static func withBody<T>(of file: Data, after header: Data, _ read: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try file.withUnsafeBytes { whole in try read(UnsafeBufferPointer(rebasing: whole.bindMemory(to: UInt8.self)[header.count...])) }
    }

    /// How many bytes `append` adds for a record of `count` bytes.
    package static func framedSize(_ count: Int) -> Int {
        var length: [UInt8] = []
        CompactBytes.appendVarint(UInt64(count), to: &length)
        return length.count + count + 8
    }

    package static func check(of record: UnsafeRawBufferPointer) -> UInt64 {
        var check = Fingerprint()
        check.add(bytes: record)
        return check.value
    }
}
