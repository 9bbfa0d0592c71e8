/// A value a template sees: text, a whole number, yes/no, a list, or an object with named fields.
///
/// Plain data with no reflection: the renderer switches over it, and a build can fingerprint a page's
/// whole context to know whether the page would come out the same.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Missing or empty text is `false`, so that `{{#role}}…{{/role}}` shows nothing for it.
    public static func optional(_ text: String?) -> TemplateValue {
        guard let text, !text.isEmpty else { return .flag(false) }
        return .text(text)
    }
}

/// Named fields in the order they were given (so that a fingerprint is the same in every run).
public struct TemplateObject: Sendable {
    public private(set) var fields: [(name: String, value: TemplateValue)]

    public init(_ fields: [(name: String, value: TemplateValue)] = []) { self.fields = fields }

    /// Objects have a dozen fields at most: a scan is faster than hashing the name.
    public subscript(name: String) -> TemplateValue? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((name, newValue))
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .object(TemplateObject(elements.map { ($0.0, $0.1) })) }

    /// The field `name` of an object; nil for anything else.
    public subscript(name: String) -> TemplateValue? {
        get { if case .object(let object) = self { object[name] } else { nil } }
        set {
            guard case .object(var object) = self else { return }
            object[name] = newValue
            self = .object(object)
        }
    }
}

extension TemplateValue {
    /// The field `name` of an object, without going through the public subscript's optional setter machinery.
    @inline(__always) func field(_ name: String) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        let fields = object.fields
        var index = 0
        while index < fields.count {
            if fields[index].name == name { return fields[index].value }
            index += 1
        }
        return nil
    }
}
