import Foundation

/// One document's contribution to the index, held in its compact form (`AnalysisParts.encode`, the bytes a
/// build keeps between builds) and read in place. The index plans from every document's analysis at once: as
/// arrays of strings they took three times the memory of these bytes, and a cached one had to be decoded.
struct DocumentAnalysis: Sendable, Equatable {
    let data: Data
    /// Indexed tokens (the head's too), for BM25.
    let length: Int
    let stemCount: Int
    let surfaceCount: Int
    let pairCount: Int
    /// Where the stems, the words and the paragraphs begin in `data` (from its start index).
    private let stemsOffset: Int
    private let surfacesOffset: Int
    private let paragraphsOffset: Int

    static let codingVersion = 3

    /// A fresh analysis, encoded: its layout is known as it is written, not read back.
    init(_ parts: AnalysisParts) {
        (data, stemsOffset, surfacesOffset, paragraphsOffset, pairCount) = parts.encode()
        (length, stemCount, surfaceCount) = (parts.length, parts.stems.count, parts.surfaces.count)
    }

    /// The analysis in `data`, or nil if it is not one (another format, cut short, an index out of range).
    init?(encoded data: Data) {
        guard let layout = data.withUnsafeBytes({ Self.layout(of: $0) }) else { return nil }
        self.data = data
        (length, stemCount, surfaceCount, pairCount, stemsOffset, surfacesOffset, paragraphsOffset) = layout
    }

    private static func layout(of bytes: UnsafeRawBufferPointer)
        -> (length: Int, stems: Int, surfaces: Int, pairs: Int, stemsOffset: Int, surfacesOffset: Int, paragraphsOffset: Int)? {
        var reader = ByteReader(bytes)
        guard reader.integer() == codingVersion, let length = reader.integer(), let stemCount = reader.integer(), (0...bytes.count).contains(stemCount) else { return nil }
        let stemsOffset = reader.offset
        var stems: [UnsafeRawBufferPointer] = []
        stems.reserveCapacity(stemCount)
        for _ in 0..<stemCount {
            guard let stem = reader.string(), reader.integer() != nil else { return nil }
            stems.append(stem)
        }
        guard let surfaceCount = reader.integer(), (0...bytes.count).contains(surfaceCount) else { return nil }
        let surfacesOffset = reader.offset
        var word: [UInt8] = []
        for _ in 0..<surfaceCount {
            guard let stem = reader.integer(), (0..<stemCount).contains(stem), reader.word(stem: stems[stem], into: &word) else { return nil }
        }
        guard let paragraphCount = reader.integer(), (0...bytes.count).contains(paragraphCount) else { return nil }
        let paragraphsOffset = reader.offset
        var pairs = 0
        for _ in 0..<paragraphCount {
            guard reader.integer() != nil, let count = reader.integer(), (0...bytes.count).contains(count) else { return nil }
            for _ in 0..<count {
                guard let stem = reader.integer(), (0..<stemCount).contains(stem), reader.integer() != nil else { return nil }
            }
            pairs += max(0, count - 1)
        }
        guard reader.isAtEnd else { return nil }
        return (length, stemCount, surfaceCount, pairs, stemsOffset, surfacesOffset, paragraphsOffset)
    }

    /// Each stem (UTF-8) with its frequency, in the order of first use: a stem's index in this order is the one
    /// its words and tokens name.
    func forEachStem(_ body: (UnsafeRawBufferPointer, Int) -> Void) {
        read(from: stemsOffset) { reader in
            for _ in 0..<stemCount { body(reader.string()!, reader.integer()!) }
        }
    }

    /// Each word used (folded, UTF-8) with the index of its stem.
    func forEachSurface(_ body: (UnsafeRawBufferPointer, Int) -> Void) {
        forEachSurface(where: { _ in true }, body)
    }

    /// Each word whose stem (its index) `includes` accepts, with that index; the others are skipped unread.
    func forEachSurface(where includes: (Int) -> Bool, _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        var stems: [UnsafeRawBufferPointer] = []
        stems.reserveCapacity(stemCount)
        var word: [UInt8] = []
        read(from: stemsOffset) { reader in
            for _ in 0..<stemCount {
                stems.append(reader.string()!)
                _ = reader.integer()
            }
            reader.offset = surfacesOffset
            for _ in 0..<surfaceCount {
                let stem = reader.integer()!
                guard includes(stem) else {
                    _ = (reader.integer(), reader.string())
                    continue
                }
                _ = reader.word(stem: stems[stem], into: &word)
                word.withUnsafeBytes { body($0, stem) }
            }
        }
    }

    /// Calls `body` with each pair of consecutive indexed tokens of a paragraph: first stem, second stem (indexes
    /// in the stems' order), the gap between their positions, the paragraph's number and the first one's position.
    func forEachPair(_ body: (Int32, Int32, Int32, Int32, Int32) -> Void) {
        read(from: paragraphsOffset) { reader in
            while !reader.isAtEnd {
                let number = Int32(reader.integer()!), count = reader.integer()!
                var stem = Int32(0), position = Int32(0)
                for token in 0..<count {
                    let nextStem = Int32(reader.integer()!), nextPosition = Int32(reader.integer()!)
                    if token > 0 { body(stem, nextStem, nextPosition - position, number, position) }
                    (stem, position) = (nextStem, nextPosition)
                }
            }
        }
    }

    private func read(from offset: Int, _ body: (inout ByteReader) -> Void) {
        data.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            reader.offset = offset
            body(&reader)
        }
    }

    static func == (left: DocumentAnalysis, right: DocumentAnalysis) -> Bool { left.data == right.data }
}

/// Unsigned LEB128 integers and length-prefixed UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        integer(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// A word after its stem: how many bytes it shares with the stem's start, then the rest as a string (a word
    /// mostly begins with its stem, often is it).
    mutating func word(_ word: String, stem: String) {
        var word = word, stem = stem
        word.withUTF8 { word in
            stem.withUTF8 { stem in
                var shared = 0
                while shared < word.count, shared < stem.count, word[shared] == stem[shared] { shared += 1 }
                integer(shared)
                integer(word.count - shared)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: word[shared...]))
            }
        }
    }
}

/// Reads what `ByteWriter` wrote; nil where the bytes end too soon.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func integer() -> Int? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(truncatingIfNeeded: value) }
            shift += 7
        }
        return nil
    }

    /// A word `ByteWriter.word` wrote after `stem`, put in `word`; false where the bytes do not hold one.
    mutating func word(stem: UnsafeRawBufferPointer, into word: inout [UInt8]) -> Bool {
        guard let shared = integer(), (0...stem.count).contains(shared), let rest = string() else { return false }
        word.removeAll(keepingCapacity: true)
        word.append(contentsOf: stem[..<shared])
        word.append(contentsOf: rest)
        return true
    }

    mutating func string() -> UnsafeRawBufferPointer? {
        guard let count = integer(), count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }
}
