import Foundation
import Fingerprinting

/// Every stem of every document numbered in UTF-8 byte order, so that every file's order follows from its content
/// alone (a file whose fingerprint did not change is then the same, byte for byte); each document's stems by those
/// numbers; and per stem its words with how many documents use each.
///
/// When a build's analyses were all made by one vocabulary (a clean build), it numbers them at less cost
/// (`Vocabulary.numbering`). Otherwise (some came from the cache) the stems are split between the cores by a cheap
/// key of their bytes: each part walks every document, numbers the stems that fall in it and the words of those
/// stems, and the parts are ranked together at the end. Stems and words are looked up by a hash of their bytes, so
/// that a string is made only for one not met before.
struct StemNumbering {
    let stems: [String]
    let globalIDs: [[Int32]]
    let words: [String: [IndexState.Word]]

    /// A part's number in the high bits of a document's stem place, the stem's number in the part below.
    private static let partShift: Int32 = 27

    init(stems: [String], globalIDs: [[Int32]], words: [String: [IndexState.Word]]) {
        self.stems = stems
        self.globalIDs = globalIDs
        self.words = words
    }

    init(_ analyses: [DocumentAnalysis], parts partCount: Int = Self.defaultParts) {
        var starts = [0]
        starts.reserveCapacity(analyses.count + 1)
        for analysis in analyses { starts.append(starts[starts.count - 1] + analysis.stemCount) }
        let places = PlaceBuffer(count: starts[analyses.count])
        defer { places.deallocate() }
        let documentStarts = starts
        let parts = Array(0..<partCount).concurrentMap { part in
            PartNumbering(part: part, of: partCount, analyses, starts: documentStarts, places: places)
        }
        // Rank every part's stems together.
        let all = parts.flatMap(\.stems)
        let order = all.indices.sorted { all[$0].utf8.lexicographicallyPrecedes(all[$1].utf8) }
        var partStarts = [0]
        for part in parts { partStarts.append(partStarts[partStarts.count - 1] + part.stems.count) }
        var rank = [Int32](repeating: 0, count: all.count)
        for (place, index) in order.enumerated() { rank[index] = Int32(place) }
        let ranks = rank, firstOfPart = partStarts
        let mask = (Int32(1) << Self.partShift) - 1
        globalIDs = Array(analyses.indices).concurrentMap { ordinal in
            (documentStarts[ordinal]..<documentStarts[ordinal + 1]).map { index in
                let place = places[index]
                return ranks[firstOfPart[Int(place >> Self.partShift)] + Int(place & mask)]
            }
        }
        stems = order.map { all[$0] }
        var words: [String: [IndexState.Word]] = [:]
        words.reserveCapacity(all.count)
        for part in parts { words.merge(part.words) { first, _ in first } }
        self.words = words
    }

    static var defaultParts: Int { Swift.max(1, Swift.min(16, 2 * ProcessInfo.processInfo.activeProcessorCount)) }

    /// Which part a stem falls in: its length and first and last bytes, which spread stems well enough and cost
    /// nothing beside the hash of the stem the part computes anyway.
    static func part(of bytes: UnsafeRawBufferPointer, count: Int) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (Int(first) &* 31 &+ Int(last) &* 7 &+ bytes.count) % count
    }

    /// Each document's stem places (part and number), written by every part at the places of its own stems only.
    private final class PlaceBuffer: @unchecked Sendable {
        private let pointer: UnsafeMutableBufferPointer<Int32>
        init(count: Int) { pointer = .allocate(capacity: count) }
        subscript(index: Int) -> Int32 {
            get { pointer[index] }
            set { pointer[index] = newValue }
        }
        func deallocate() { pointer.deallocate() }
    }

    /// One part's stems in the order met, and the words of those stems.
    private struct PartNumbering: Sendable {
        var stems: [String] = []
        var words: [String: [IndexState.Word]] = [:]

        init(part: Int, of partCount: Int, _ analyses: [DocumentAnalysis], starts: [Int], places: PlaceBuffer) {
            var stemNumbers = HashNumbers(capacity: 1 << 12)
            var surfaces: [String] = []
            var surfaceStems: [Int32] = []
            var surfaceDocuments: [Int] = []
            var surfaceNumbers = HashNumbers(capacity: 1 << 12)
            // Per stem of the document being walked: its number in this part, or -1 when it falls in another.
            var local: [Int32] = []
            for (ordinal, analysis) in analyses.enumerated() {
                local.removeAll(keepingCapacity: true)
                analysis.forEachStem { bytes, _ in
                    guard StemNumbering.part(of: bytes, count: partCount) == part else { return local.append(-1) }
                    let hash = Self.hash(bytes)
                    let number: Int32
                    if let known = Self.number(of: bytes, hash: hash, in: stemNumbers, stems) { number = known } else {
                        number = Int32(stems.count)
                        stemNumbers.insert(hash, number)
                        stems.append(String(decoding: bytes, as: UTF8.self))
                    }
                    places[starts[ordinal] + local.count] = Int32(part) << StemNumbering.partShift | number
                    local.append(number)
                }
                // A document names each of its words once.
                analysis.forEachSurface(where: { local[$0] >= 0 }) { bytes, stem in
                    let hash = Self.hash(bytes)
                    if let known = Self.number(of: bytes, hash: hash, in: surfaceNumbers, surfaces) { return surfaceDocuments[Int(known)] += 1 }
                    surfaceNumbers.insert(hash, Int32(surfaces.count))
                    surfaces.append(String(decoding: bytes, as: UTF8.self))
                    surfaceStems.append(local[stem])
                    surfaceDocuments.append(1)
                }
            }
            words.reserveCapacity(stems.count)
            for (number, surface) in surfaces.enumerated() {
                words[stems[Int(surfaceStems[number])], default: []].append(IndexState.Word(text: surface, documents: surfaceDocuments[number]))
            }
            for stem in words.keys { words[stem]!.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) } }
        }

        private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            var hash = Fingerprint()
            hash.add(bytes: bytes)
            return hash.value
        }

        /// The number `table` gives the string of these bytes (`hash` their fingerprint), if it was met before.
        private static func number(of bytes: UnsafeRawBufferPointer, hash: UInt64, in table: HashNumbers, _ strings: [String]) -> Int32? {
            var found: Int32?
            table.forEach(hash) { number in
                if same(strings[Int(number)], bytes) { found = number }
                return found != nil
            }
            return found
        }

        private static func same(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
            var text = text
            return text.withUTF8 { $0.count == bytes.count && ($0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
        }
    }
}
