/// A compact binary form of `Codable` values, for the documents cache: reading it back is several times
/// faster than JSON (no text to parse, no escapes, numbers as they are), and it keeps every value exactly
/// (a `Double` stays a `Double`).
///
/// Every value starts with a tag byte. Integers are LEB128 varints (signed ones zig-zagged), strings are a
/// length and UTF-8, doubles eight bytes. Keyed and unkeyed containers carry their size in bytes, so that a
/// reader can step over a value without reading it, and keyed ones name their fields, so that a type may
/// decode its fields in any order or leave some out.
enum CompactTag: UInt8 {
    case null = 0, bool = 1, int = 2, uint = 3, double = 4, string = 5, keyed = 6, unkeyed = 7
}

/// Encodes a value into compact bytes.
enum CompactEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let slot = EncodingSlot()
        try slot.store(value)
        var bytes: [UInt8] = []
        slot.node.write(into: &bytes)
        return bytes
    }
}

/// A value being encoded. Containers are classes, so that a nested container can be filled after it was added.
private enum EncodedNode {
    case empty
    case scalar([UInt8])
    case keyed(KeyedNode)
    case unkeyed(UnkeyedNode)

    func write(into bytes: inout [UInt8]) {
        switch self {
        case .empty: bytes.append(CompactTag.null.rawValue)
        case .scalar(let scalar): bytes += scalar
        case .keyed(let node):
            var body: [UInt8] = []
            for (key, value) in node.fields {
                CompactBytes.appendString(key, to: &body)
                value.node.write(into: &body)
            }
            CompactBytes.appendContainer(.keyed, count: node.fields.count, body: body, to: &bytes)
        case .unkeyed(let node):
            var body: [UInt8] = []
            for value in node.items { value.node.write(into: &body) }
            CompactBytes.appendContainer(.unkeyed, count: node.items.count, body: body, to: &bytes)
        }
    }
}

private final class KeyedNode { var fields: [(String, EncodingSlot)] = [] }
private final class UnkeyedNode { var items: [EncodingSlot] = [] }

private final class EncodingSlot {
    var node: EncodedNode = .empty

    func store<T: Encodable>(_ value: T) throws {
        if let scalar = CompactBytes.scalar(value) { node = .scalar(scalar); return }
        try value.encode(to: CompactEncoding(slot: self))
    }

    func keyedNode() -> KeyedNode {
        if case .keyed(let node) = node { return node }
        let made = KeyedNode()
        node = .keyed(made)
        return made
    }

    func unkeyedNode() -> UnkeyedNode {
        if case .unkeyed(let node) = node { return node }
        let made = UnkeyedNode()
        node = .unkeyed(made)
        return made
    }
}

enum CompactBytes {
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        appendVarint(UInt64(utf8.count), to: &bytes)
        bytes += utf8
    }

    static func appendContainer(_ tag: CompactTag, count: Int, body: [UInt8], to bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        var counted: [UInt8] = []
        appendVarint(UInt64(count), to: &counted)
        appendVarint(UInt64(counted.count + body.count), to: &bytes)
        bytes += counted
        bytes += body
    }

    static func int(_ value: Int64) -> [UInt8] {
        var bytes = [CompactTag.int.rawValue]
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
        return bytes
    }

    static func uint(_ value: UInt64) -> [UInt8] {
        var bytes = [CompactTag.uint.rawValue]
        appendVarint(value, to: &bytes)
        return bytes
    }

    static func string(_ text: String) -> [UInt8] {
        var bytes = [CompactTag.string.rawValue]
        appendString(text, to: &bytes)
        return bytes
    }

    static func double(_ number: Double) -> [UInt8] {
        var bytes = [CompactTag.double.rawValue]
        withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes += $0 }
        return bytes
    }

    static func bool(_ flag: Bool) -> [UInt8] { [CompactTag.bool.rawValue, flag ? 1 : 0] }

    /// The bytes of a value the format stores as itself; nil for any other type.
    static func scalar<T>(_ value: T) -> [UInt8]? {
        switch value {
        case let text as String: string(text)
        case let flag as Bool: bool(flag)
        case let number as Int: int(Int64(number))
        case let number as Int64: int(number)
        case let number as Int32: int(Int64(number))
        case let number as Int16: int(Int64(number))
        case let number as Int8: int(Int64(number))
        case let number as UInt: uint(UInt64(number))
        case let number as UInt64: uint(number)
        case let number as UInt32: uint(UInt64(number))
        case let number as UInt16: uint(UInt64(number))
        case let number as UInt8: uint(UInt64(number))
        case let number as Double: double(number)
        case let number as Float: double(Double(number))
        default: nil
        }
    }
}

private struct CompactEncoding: Encoder {
    let slot: EncodingSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedEncoding(node: slot.keyedNode()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedEncoding(node: slot.unkeyedNode()) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueEncoding(slot: slot) }
}

private struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: KeyedNode
    var codingPath: [any CodingKey] { [] }

    private func add(_ key: Key) -> EncodingSlot {
        let slot = EncodingSlot()
        node.fields.append((key.stringValue, slot))
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { add(key).node = .scalar([CompactTag.null.rawValue]) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try add(key).store(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedEncoding<NestedKey>(node: add(key).keyedNode()))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { UnkeyedEncoding(node: add(key).unkeyedNode()) }
    mutating func superEncoder() -> any Encoder { CompactEncoding(slot: add(Key(stringValue: "super")!)) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { CompactEncoding(slot: add(key)) }
}

private struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let node: UnkeyedNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items.count }

    private func add() -> EncodingSlot {
        let slot = EncodingSlot()
        node.items.append(slot)
        return slot
    }

    mutating func encodeNil() throws { add().node = .scalar([CompactTag.null.rawValue]) }
    mutating func encode<T: Encodable>(_ value: T) throws { try add().store(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedEncoding<NestedKey>(node: add().keyedNode()))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedEncoding(node: add().unkeyedNode()) }
    mutating func superEncoder() -> any Encoder { CompactEncoding(slot: add()) }
}

private struct SingleValueEncoding: SingleValueEncodingContainer {
    let slot: EncodingSlot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { slot.node = .scalar([CompactTag.null.rawValue]) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value) }
}
