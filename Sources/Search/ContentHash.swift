/// A 64-bit hash of an index file's inputs, the same in every run (Swift's `Hasher` is seeded per process), so
/// that a build can tell that a file would come out as the last build made it without making it.
struct ContentHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    static func of(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        return hash.value
    }

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    mutating func add(_ numbers: [Int32]) {
        add(numbers.count)
        for number in numbers { add(UInt64(UInt32(bitPattern: number))) }
    }

    /// Eight bytes at a time: every stem and word of a site is hashed in every build.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(bytes.count)
            var offset = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while offset + 8 <= raw.count {
                add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < raw.count {
                tail = tail << 8 | UInt64(raw[offset])
                offset += 1
            }
            add(tail)
        }
    }

    mutating func add(_ bytes: some Collection<UInt8>) {
        add(bytes.count)
        var word: UInt64 = 0, filled = 0
        for byte in bytes {
            word = word << 8 | UInt64(byte)
            filled += 1
            if filled == 8 {
                add(word)
                word = 0
                filled = 0
            }
        }
        add(word)
    }
}
