extension Fingerprint {
    package mutating func add(_ value: JSONValue) {
        switch value {
        case .string(let text): add(11); add(text)
        case .int(let number): add(12); add(number)
        case .double(let number): add(13); add(number.bitPattern)
        case .bool(let flag): add(flag ? 14 : 15)
        case .null: add(16)
        case .array(let items):
            add(17); add(items.count)
            for item in items { add(item) }
        case .object(let fields):
            add(18); add(fields.count)
            for (name, field) in fields { add(name); add(field) }
        }
    }

}
