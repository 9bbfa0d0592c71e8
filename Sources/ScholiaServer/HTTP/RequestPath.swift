/// Where a request path points, decided before anything is looked up. Anything that could step out of the
/// site root (`..`, `%2e%2e`, encoded or back slashes, NUL) is refused outright rather than normalised.
enum RequestPath: Equatable {
    /// Inside the site: the decoded path relative to the base path (`documents/x/`), maybe empty.
    case inside(String)
    /// The base path without its final slash (`/hist210`).
    case baseWithoutSlash
    /// Outside the base path.
    case outside
    /// A traversal attempt or a malformed path.
    case refused

    static func resolve(_ raw: String, basePath: String) -> RequestPath {
        guard raw.hasPrefix("/"), let decoded = decode(raw) else { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return .refused }
        var path = "/" + segments.joined(separator: "/")
        if decoded.hasSuffix("/") && !segments.isEmpty { path += "/" }
        if path.hasPrefix(basePath) { return .inside(String(path.dropFirst(basePath.count))) }
        if basePath.count > 1 && path == String(basePath.dropLast()) { return .baseWithoutSlash }
        return .outside
    }

    /// Percent-decodes a path; nil when an escape is malformed, hides a slash, backslash or NUL, or the
    /// result is not UTF-8.
    static func decode(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                guard byte != UInt8(ascii: "\\"), byte != 0 else { return nil }
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            let decoded = high << 4 | low
            guard decoded != UInt8(ascii: "/"), decoded != UInt8(ascii: "\\"), decoded != 0 else { return nil }
            bytes.append(decoded)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? text : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
