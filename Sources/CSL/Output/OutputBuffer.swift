/// UTF-8 bytes gathered for one output string: appending bytes is much cheaper than
/// growing a String piece by piece, and the String is made once at the end.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    static func += (buffer: inout OutputBuffer, s: String) {
        buffer.bytes.append(contentsOf: s.utf8)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
