import Foundation

/// A 64-bit fingerprint of what a piece of output depends on: the same in every run and on every machine
/// (Swift's `Hasher` is seeded per process), so that a build can compare it with the last build's.
/// Eight bytes at a time with a multiply and a shift: fast enough to run over every input of a large site.
/// Its own target, so that the search index (which knows nothing of Scholia's model) fingerprints its files the same way.
package struct Fingerprint {
    package private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    package init() {}

    package init(_ parts: String...) { for part in parts { add(part) } }

    package mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    package mutating func add(_ data: Data) { data.withUnsafeBytes { add(bytes: $0) } }

    package mutating func add(_ numbers: [Int32]) { numbers.withUnsafeBytes { add(bytes: $0) } }

    /// The length first, so that "ab" + "c" and "a" + "bc" differ.
    package mutating func add(bytes: UnsafeRawBufferPointer) {
        add(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            add(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        add(tail)
    }

    package var hex: String { String(value, radix: 16) }
}
