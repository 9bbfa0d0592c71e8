/// Folded words, by their UTF-8 bytes, to a number: one document's words as its analysis meets them. Open
/// addressing over one byte buffer, so that a word seen before (most words of a text) is found without making a
/// `String` of it or hashing it with the standard library's seeded hasher.
struct WordTable {
    private var bytes: [UInt8] = []
    /// Per word: where its bytes start in `bytes`, how many, its hash, and its number.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private var values: [Int32] = []
    /// Per slot, a word's index + 1, or 0 when the slot is free; a power of two, never more than half full.
    private var slots = [Int32](repeating: 0, count: 256)

    /// The number of `word`, made by `make` the first time the word is met.
    mutating func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt32, make: (UnsafeBufferPointer<UInt8>) -> Int32) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if hashes[index] == hash, Int(lengths[index]) == word.count, equals(index, word) { return values[index] }
            slot = (slot + 1) & mask
        }
        let value = make(word)
        slots[slot] = Int32(values.count + 1)
        starts.append(Int32(bytes.count))
        lengths.append(Int32(word.count))
        hashes.append(hash)
        values.append(value)
        bytes.append(contentsOf: word)
        if values.count * 2 > slots.count { grow() }
        return value
    }

    private func equals(_ index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index])
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in values.indices {
            var slot = Int(hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a, 32 bits: a word's hash for the table.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
