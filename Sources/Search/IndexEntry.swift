import Foundation

/// A document as the index takes it: what the site says of it (`document`, its paragraphs dropped) and the
/// analysis of its text. A build keeps the analysis between builds (`encodedText`), so that a document whose
/// inputs did not change is neither read nor analysed again.
public struct IndexEntry: Sendable {
    public let document: SearchDocument
    let analysis: DocumentAnalysis

    init(document: SearchDocument, analysis: DocumentAnalysis) {
        var head = document
        head.paragraphs = []
        self.document = head
        self.analysis = analysis
    }

    /// The analysis, compact (variable-length integers), with a format number first.
    public var encodedText: Data {
        var writer = ByteWriter()
        writer.integer(Self.codingVersion)
        writer.integer(analysis.length)
        writer.integer(analysis.stems.count)
        for (stem, frequency) in zip(analysis.stems, analysis.frequencies) {
            writer.string(stem)
            writer.integer(frequency)
        }
        writer.integer(analysis.surfaces.count)
        for (surface, stem) in analysis.surfaces.sorted(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            writer.string(surface)
            writer.integer(stem)
        }
        writer.integer(analysis.paragraphs.count / 2)
        var start = 0
        for index in stride(from: 0, to: analysis.paragraphs.count, by: 2) {
            let end = Int(analysis.paragraphs[index + 1])
            writer.integer(Int(analysis.paragraphs[index]))
            writer.integer(end - start)
            for token in start..<end {
                writer.integer(Int(analysis.tokens[2 * token]))
                writer.integer(Int(analysis.tokens[2 * token + 1]))
            }
            start = end
        }
        return Data(writer.bytes)
    }

    /// The entry of `document` from its `encodedText`, or nil if the data is not one (another format, cut short).
    public init?(document: SearchDocument, encodedText data: Data) {
        var reader = ByteReader(data)
        guard reader.integer() == Self.codingVersion, let length = reader.integer(), let stemCount = reader.integer(), stemCount <= data.count else { return nil }
        var analysis = DocumentAnalysis()
        analysis.length = length
        for _ in 0..<stemCount {
            guard let stem = reader.string(), let frequency = reader.integer() else { return nil }
            analysis.stems.append(stem)
            analysis.frequencies.append(frequency)
        }
        guard let surfaceCount = reader.integer(), surfaceCount <= data.count else { return nil }
        for _ in 0..<surfaceCount {
            guard let surface = reader.string(), let stem = reader.integer(), (0..<stemCount).contains(stem) else { return nil }
            analysis.surfaces[surface] = stem
        }
        guard let paragraphCount = reader.integer(), paragraphCount <= data.count else { return nil }
        for _ in 0..<paragraphCount {
            guard let number = reader.integer(), let count = reader.integer(), count <= data.count else { return nil }
            for _ in 0..<count {
                guard let stem = reader.integer(), (0..<stemCount).contains(stem), let position = reader.integer() else { return nil }
                analysis.tokens.append(Int32(stem))
                analysis.tokens.append(Int32(position))
            }
            analysis.paragraphs.append(Int32(number))
            analysis.paragraphs.append(Int32(analysis.tokens.count / 2))
        }
        guard reader.isAtEnd else { return nil }
        self.init(document: document, analysis: analysis)
    }

    static let codingVersion = 2
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
}

struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

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

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func string() -> String? {
        guard let count = integer(), let slice = take(count) else { return nil }
        return String(decoding: slice, as: UTF8.self)
    }
}
