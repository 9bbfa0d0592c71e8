/// UTF-8 bytes gathered for one output string: appending bytes is much cheaper than
/// growing a String piece by piece, and the String is made once at the end.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    static func += (buffer: inout OutputBuffer, s: String) {
        buffer.bytes.append(contentsOf: s.utf8)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the text so far ends in a space or line break (or is empty).
    var endsInSpace: Bool { bytes.last.map { $0 == 0x20 || $0 == 0x0A } ?? true }
}
