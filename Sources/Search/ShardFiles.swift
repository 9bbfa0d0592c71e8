import Foundation

/// The index's `{"key":[numbers],...}` files (terms and pairs shards), read, written and changed in place. Keys are
/// words and pair keys, made of letters, digits and spaces: a key with an escape is not one the writer made.
enum KeyedNumbers {
    static func parse(_ data: Data) -> [(String, [Int])]? {
        var entries: [(String, [Int])] = []
        let valid = data.withUnsafeBytes { bytes in
            forEachEntry(bytes) { key, numbers in
                guard let numbers = Self.numbers(numbers) else { return false }
                entries.append((String(decoding: key, as: UTF8.self), numbers))
                return true
            }
        }
        return valid ? entries : nil
    }

    static func data(_ entries: [(String, [Int])]) -> Data {
        var json = JSONText()
        json.raw("{")
        for (index, (key, numbers)) in entries.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(key)
            json.raw(":")
            json.numbers(numbers)
        }
        json.raw("}\n")
        return json.data
    }

    /// A file changed by `merge`: its bytes (nil: no entry is left), and how many keys came and went.
    struct Merged {
        var data: Data?
        var added = 0
        var dropped = 0
    }

    /// `data` (nil: no file yet) with the entries of `keys` (in the file's order, `order`) changed: `change` gets
    /// each key's numbers in the file (nil if it has none) and gives its new ones (empty: the key goes). Every other
    /// entry is copied as it is. Nil if `data` is not such a file or `change` gives nil.
    ///
    /// `splice`, if given, is asked first for a key in the file: it gets the text of its numbers and gives the new
    /// text (empty: the key goes), or nil to leave it to `change`.
    static func merge(_ data: Data?, keys: [String], order: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int,
                      change: (Int, [Int]?) -> [Int]?, splice: ((Int, UnsafeRawBufferPointer) -> [UInt8]?)? = nil) -> Merged? {
        var json = JSONText()
        json.raw("{")
        var merged = Merged(), entries = 0, next = 0, failed = false
        let keyBytes = keys.map { Array($0.utf8) }
        /// Writes the entry of `keys[key]`, its numbers written by `numbers`.
        func put(_ key: Int, _ numbers: () -> Void) {
            if entries > 0 { json.raw(",") }
            entries += 1
            json.string(keys[key])
            json.raw(":")
            numbers()
        }
        func put(_ key: Int, _ numbers: [Int]) { put(key) { json.numbers(numbers) } }
        /// The keys that come before `key` in the file's order (or all that are left): not in the file.
        func putNew(before key: UnsafeRawBufferPointer?) {
            while next < keys.count, key.map({ bound in keyBytes[next].withUnsafeBytes { order($0, bound) } < 0 }) ?? true {
                guard let numbers = change(next, nil) else { return failed = true }
                if !numbers.isEmpty {
                    put(next, numbers)
                    merged.added += 1
                }
                next += 1
            }
        }
        if let data {
            let valid = data.withUnsafeBytes { bytes in
                forEachEntry(bytes) { key, numbers in
                    putNew(before: key)
                    if next < keys.count, keyBytes[next].withUnsafeBytes({ order($0, key) }) == 0 {
                        if let spliced = splice?(next, numbers) {
                            if spliced.isEmpty { merged.dropped += 1 } else { put(next) { json.raw("["); json.bytes += spliced; json.raw("]") } }
                        } else {
                            guard let old = Self.numbers(numbers), let new = change(next, old) else { return false }
                            if new.isEmpty { merged.dropped += 1 } else { put(next, new) }
                        }
                        next += 1
                    } else {
                        if entries > 0 { json.raw(",") }
                        entries += 1
                        // The entry as it is: from the key's opening quote to the numbers' closing bracket.
                        let start = key.baseAddress! - bytes.baseAddress! - 1
                        let end = numbers.baseAddress! - bytes.baseAddress! + numbers.count + 1
                        json.bytes.append(contentsOf: bytes[start..<end])
                    }
                    return !failed
                }
            }
            guard valid else { return nil }
        }
        putNew(before: nil)
        guard !failed else { return nil }
        json.raw("}\n")
        merged.data = entries > 0 ? json.data : nil
        return merged
    }

    /// Byte order of two keys: negative, zero or positive.
    static func byteOrder(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let compared = memcmp(a.baseAddress!, b.baseAddress!, common)
            if compared != 0 { return Int(compared) }
        }
        return a.count - b.count
    }

    /// Calls `body` with each entry's key and the text between its numbers' brackets, in order; false if the bytes
    /// are not such a file or `body` says to stop.
    private static func forEachEntry(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard bytes.count >= 3, bytes[0] == 0x7B, bytes[bytes.count - 2] == 0x7D, bytes[bytes.count - 1] == 0x0A else { return false }
        let end = bytes.count - 2
        var at = 1
        while at < end {
            guard bytes[at] == 0x22, let close = bytes[(at + 1)..<end].firstIndex(where: { $0 == 0x22 || $0 == 0x5C }), bytes[close] == 0x22,
                  close + 2 < end, bytes[close + 1] == 0x3A, bytes[close + 2] == 0x5B,
                  let bracket = bytes[(close + 3)..<end].firstIndex(of: 0x5D) else { return false }
            guard body(UnsafeRawBufferPointer(rebasing: bytes[(at + 1)..<close]), UnsafeRawBufferPointer(rebasing: bytes[(close + 3)..<bracket])) else { return false }
            at = bracket + 1
            if at < end {
                guard bytes[at] == 0x2C, at + 1 < end else { return false }
                at += 1
            }
        }
        return true
    }

    /// Comma-separated integers; nil if anything else.
    private static func numbers(_ text: UnsafeRawBufferPointer) -> [Int]? {
        var scanner = NumberScanner(text), numbers: [Int] = []
        while let number = scanner.next() { numbers.append(number) }
        return scanner.valid ? numbers : nil
    }
}

/// The integers of a comma-separated list, read one at a time, with where each ends.
struct NumberScanner {
    private let text: UnsafeRawBufferPointer
    /// Where the next number starts; where the last one read ends.
    private(set) var at = 0, end = 0
    /// False once something else than such a list was met.
    private(set) var valid = true

    init(_ text: UnsafeRawBufferPointer) { self.text = text }

    /// The next number (the comma after it passed over), nil at the end or if the text is not such a list.
    mutating func next() -> Int? {
        guard valid, at < text.count else { return nil }
        let negative = text[at] == 0x2D
        if negative { at += 1 }
        let start = at
        var value = 0
        while at < text.count, text[at] != 0x2C {
            guard (0x30...0x39).contains(text[at]), at - start < 18 else { valid = false; return nil }
            value = value * 10 + Int(text[at] - 0x30)
            at += 1
        }
        end = at
        if at < text.count { at += 1 }
        // A number has digits, and a comma is followed by one.
        guard end > start, end == text.count || at < text.count else { valid = false; return nil }
        return negative ? -value : value
    }
}

/// A words file (`IndexWriter.wordsFileData`): its words with their stems.
enum WordsFile {
    static func parse(_ data: Data) -> [(word: String, stem: String)]? {
        guard let items = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return nil }
        var words: [(word: String, stem: String)] = []
        for item in items {
            if let word = item as? String {
                words.append((word, word))
            } else if let pair = item as? [String], pair.count == 2 {
                words.append((pair[0], pair[1]))
            } else {
                return nil
            }
        }
        return words
    }
}
