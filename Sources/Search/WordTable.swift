/// Folded words, by their UTF-8 bytes, to a number: one document's words as its analysis meets them. Open
/// addressing over one byte buffer, so that a word seen before (most words of a text) is found without making a
/// `String` of it or hashing it with the standard library's seeded hasher.
struct WordTable {
    private var bytes: [UInt8] = []
    /// Per word: where its bytes start in `bytes`, how many, and its number.
    private var words: [Word] = []
    /// Per slot, a word's hash in the high half and its index + 1 in the low half, or 0 when the slot is free; a
    /// power of two, never more than half full. The hash in the slot spares a probe the word's other arrays (in the
    /// shared vocabulary, far apart in memory: a cache miss each).
    private var slots = [UInt64](repeating: 0, count: 256)

    private struct Word {
        var start: Int32
        var length: Int32
        var value: Int32
    }

    /// The number of `word`, made by `make` the first time the word is met.
    mutating func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt32, make: (UnsafeBufferPointer<UInt8>) -> Int32) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == hash {
                let index = Int(UInt32(truncatingIfNeeded: slots[slot])) - 1
                if Int(words[index].length) == word.count, equals(index, word) { return words[index].value }
            }
            slot = (slot + 1) & mask
        }
        let value = make(word)
        slots[slot] = UInt64(hash) << 32 | UInt64(words.count + 1)
        words.append(Word(start: Int32(bytes.count), length: Int32(word.count), value: value))
        bytes.append(contentsOf: word)
        if words.count * 2 > slots.count { grow() }
        return value
    }

    private func equals(_ index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(words[index].start)
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
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

/// 64-bit hashes to numbers, for the merge of every document's stems and words: open addressing over the
/// hash's own bits (already well mixed), so that a lookup is a probe or two rather than a seeded hash of the key.
struct HashNumbers {
    private var keys: [UInt64]
    /// Per slot, its number, or -1 when free; never more than half full.
    private var values: [Int32]
    private var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
    }

    /// The numbers stored for `key`, in the order stored (more than one only when different strings share a hash).
    func forEach(_ key: UInt64, _ body: (Int32) -> Bool) {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while values[slot] >= 0 {
            if keys[slot] == key, body(values[slot]) { return }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { insert(key, value) }
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 32)) & mask }
}
