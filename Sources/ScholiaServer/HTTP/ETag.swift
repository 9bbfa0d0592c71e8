import Foundation
import ScholiaModel

/// Strong validators from the bytes themselves, so that a rebuild that changes nothing keeps the same ETag.
enum ETag {
    /// The build's own fingerprint of the bytes: collisions only cost a needless reload in a preview.
    static func of(_ bytes: [UInt8]) -> String {
        var fingerprint = Fingerprint()
        bytes.withUnsafeBytes { fingerprint.add(bytes: $0) }
        return "\"\(fingerprint.hex)-\(bytes.count)\""
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
