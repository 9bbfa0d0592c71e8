/// Decodes what `CompactEncoder` wrote. Every read is bounds-checked: broken bytes throw, never crash.
enum CompactDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = CompactReader(bytes: buffer)
            guard try reader.end(of: 0) == buffer.count else { throw reader.broken("bytes after the value") }
            return try reader.decode(type, at: 0)
        }
    }
}

/// The bytes being read. Valid only while the buffer it was made from is.
struct CompactReader {
    let bytes: UnsafeBufferPointer<UInt8>

    func broken(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "compact cache: \(what)"))
    }

    func byte(at position: Int) throws -> UInt8 {
        guard position >= 0, position < bytes.count else { throw broken("cut short") }
        return bytes[position]
    }

    /// A varint and the position after it.
    func varint(at position: Int) throws -> (value: UInt64, next: Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var position = position
        while true {
            let byte = try byte(at: position)
            position += 1
            guard shift < 64 else { throw broken("varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (value, position) }
            shift += 7
        }
    }

    /// A length and the position after it; the length must fit in what is left.
    func length(at position: Int) throws -> (value: Int, next: Int) {
        let (value, next) = try varint(at: position)
        guard value <= UInt64(bytes.count - next) else { throw broken("length past the end") }
        return (Int(value), next)
    }

    func tag(at position: Int) throws -> CompactTag {
        guard let tag = CompactTag(rawValue: try byte(at: position)) else { throw broken("unknown tag") }
        return tag
    }

    /// The position just after the value at `position`.
    func end(of position: Int) throws -> Int {
        switch try tag(at: position) {
        case .null: return position + 1
        case .bool:
            _ = try byte(at: position + 1)
            return position + 2
        case .int, .uint: return try varint(at: position + 1).next
        case .double:
            guard position + 9 <= bytes.count else { throw broken("cut short") }
            return position + 9
        case .string, .keyed, .unkeyed:
            let (count, next) = try length(at: position + 1)
            return next + count
        }
    }

    /// A container's element count and where its elements start and end.
    func container(_ expected: CompactTag, at position: Int) throws -> (count: Int, start: Int, end: Int) {
        guard try tag(at: position) == expected else { throw broken("expected a \(expected)") }
        let (size, body) = try length(at: position + 1)
        let (count, start) = try varint(at: body)
        guard start <= body + size, count <= UInt64(size) else { throw broken("bad container") }
        return (Int(count), start, body + size)
    }

    func isNull(at position: Int) throws -> Bool { try tag(at: position) == .null }

    func string(at position: Int) throws -> String {
        guard try tag(at: position) == .string else { throw broken("expected a string") }
        let (count, start) = try length(at: position + 1)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + count]), as: UTF8.self)
    }

    func bool(at position: Int) throws -> Bool {
        guard try tag(at: position) == .bool else { throw broken("expected a flag") }
        return try byte(at: position + 1) != 0
    }

    func double(at position: Int) throws -> Double {
        guard try tag(at: position) == .double, position + 9 <= bytes.count else { throw broken("expected a number") }
        var bits: UInt64 = 0
        for offset in (1...8).reversed() { bits = bits << 8 | UInt64(bytes[position + offset]) }
        return Double(bitPattern: bits)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at position: Int) throws -> T {
        let value: T?
        switch try tag(at: position) {
        case .int:
            let raw = try varint(at: position + 1).value
            value = T(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .uint: value = T(exactly: try varint(at: position + 1).value)
        default: throw broken("expected an integer")
        }
        guard let value else { throw broken("integer out of range") }
        return value
    }

    /// Types the format stores as themselves are read here: compared by metatype, which costs far less than a
    /// cast to a protocol. Every integer type is here too: the standard library's single-value containers
    /// would otherwise hand them back to `decode(_:)` and around again.
    func decode<T: Decodable>(_ type: T.Type, at position: Int) throws -> T {
        if type == String.self { return try string(at: position) as! T }
        if type == Int.self { return try integer(Int.self, at: position) as! T }
        if type == Bool.self { return try bool(at: position) as! T }
        if type == UInt64.self { return try integer(UInt64.self, at: position) as! T }
        if type == Double.self { return try double(at: position) as! T }
        if type == Float.self { return Float(try double(at: position)) as! T }
        if type == Int64.self { return try integer(Int64.self, at: position) as! T }
        if type == Int32.self { return try integer(Int32.self, at: position) as! T }
        if type == Int16.self { return try integer(Int16.self, at: position) as! T }
        if type == Int8.self { return try integer(Int8.self, at: position) as! T }
        if type == UInt.self { return try integer(UInt.self, at: position) as! T }
        if type == UInt32.self { return try integer(UInt32.self, at: position) as! T }
        if type == UInt16.self { return try integer(UInt16.self, at: position) as! T }
        if type == UInt8.self { return try integer(UInt8.self, at: position) as! T }
        return try T(from: CompactDecoding(reader: self, position: position))
    }
}

private struct CompactDecoding: Decoder {
    let reader: CompactReader
    let position: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedDecoding<Key>(reader: reader, position: position))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedDecoding(reader: reader, position: position) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueDecoding(reader: reader, position: position) }
}

private struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    /// Each field's name (as a range of bytes) and where its value starts.
    private let fields: [(name: Range<Int>, value: Int)]
    var codingPath: [any CodingKey] { [] }

    init(reader: CompactReader, position: Int) throws {
        self.reader = reader
        let (count, start, end) = try reader.container(.keyed, at: position)
        var fields: [(name: Range<Int>, value: Int)] = []
        fields.reserveCapacity(count)
        var cursor = start
        for _ in 0..<count {
            let (length, name) = try reader.length(at: cursor)
            cursor = try reader.end(of: name + length)
            guard cursor <= end else { throw reader.broken("field past its container") }
            fields.append((name ..< name + length, name + length))
        }
        self.fields = fields
    }

    var allKeys: [Key] {
        fields.compactMap { Key(stringValue: String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[$0.name]), as: UTF8.self)) }
    }

    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { wanted in
            fields.first { field in
                field.name.count == wanted.count && memcmpEqual(reader.bytes, field.name.lowerBound, wanted)
            }?.value
        }
    }

    private func value(_ key: Key) throws -> Int {
        guard let position = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "compact cache: no field '\(key.stringValue)'"))
        }
        return position
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try reader.isNull(at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.decode(type, at: value(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedDecoding<NestedKey>(reader: reader, position: value(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try UnkeyedDecoding(reader: reader, position: value(key)) }
    func superDecoder() throws -> any Decoder { CompactDecoding(reader: reader, position: try value(Key(stringValue: "super")!)) }
    func superDecoder(forKey key: Key) throws -> any Decoder { CompactDecoding(reader: reader, position: try value(key)) }
}

private func memcmpEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
    for offset in 0..<wanted.count where bytes[start + offset] != wanted[offset] { return false }
    return true
}

private struct UnkeyedDecoding: UnkeyedDecodingContainer {
    let reader: CompactReader
    private var position: Int
    private let end: Int
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(reader: CompactReader, position: Int) throws {
        self.reader = reader
        let (count, start, end) = try reader.container(.unkeyed, at: position)
        self.count = count
        self.position = start
        self.end = end
    }

    /// The position of the next element, moving past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw reader.broken("no more elements") }
        let start = position
        position = try reader.end(of: start)
        guard position <= end else { throw reader.broken("element past its container") }
        currentIndex += 1
        return start
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.isNull(at: position) else { return false }
        _ = try next()
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw reader.broken("no more elements") }
        let value = try reader.decode(type, at: position)
        _ = try next()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedDecoding<NestedKey>(reader: reader, position: try next()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedDecoding(reader: reader, position: try next()) }
    mutating func superDecoder() throws -> any Decoder { CompactDecoding(reader: reader, position: try next()) }
}

private struct SingleValueDecoding: SingleValueDecodingContainer {
    let reader: CompactReader
    let position: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.isNull(at: position)) ?? false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, at: position) }
}
