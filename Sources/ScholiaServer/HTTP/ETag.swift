import Foundation

/// Strong validators from the bytes themselves, so that a rebuild that changes nothing keeps the same ETag.
enum ETag {
    /// FNV-1a, 64 bits: fast, and collisions only cost a needless reload in a preview.
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"\(String(hash, radix: 16))-\(bytes.count)\""
    }

    /// True when an `If-None-Match` header names this ETag (or `*`); weak comparison, as RFC 9110 asks.
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == "*" || tag == etag
        }
    }
}
