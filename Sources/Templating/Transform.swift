/// swift-mustache's transforms, `{{name(value)}}`, as they act on our values. The ones that exist:
///
/// - text: `empty`, `lowercased`, `uppercased`, `reversed`
/// - number: `equalzero`, `plusone`, `minusone`, `even`, `odd`
/// - list: `empty`, `count`, `first`, `last`, `reversed`
/// - object: `empty`, `count`, `enumerated` and `sorted` (a list of `{key, value}`; `enumerated` keeps field
///   order, where swift-mustache gives a dictionary's unspecified order)
/// - inside a list section, on nothing: `first()`, `last()`, `index()`, `even()`, `odd()`
///
/// Yes/no values take no transform. A transform that does not apply to a value, or is unknown (including
/// swift-mustache's `capitalized`, which needs Foundation), gives nothing, as in swift-mustache: `{{t(x)}}` renders
/// nothing, `{{#t(x)}}` is skipped and `{{^t(x)}}` is shown.
enum Transform: Sendable {
    case empty, count, first, last, reversed, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd, index
    case enumerated, sorted
    case unsupported

    init(_ name: String) {
        switch name {
        case "empty": self = .empty
        case "count": self = .count
        case "first": self = .first
        case "last": self = .last
        case "reversed": self = .reversed
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "equalzero": self = .equalzero
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        case "index": self = .index
        case "enumerated": self = .enumerated
        case "sorted": self = .sorted
        default: self = .unsupported
        }
    }

    func apply(to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .text(let text):
            switch self {
            case .empty: .flag(text.isEmpty)
            case .lowercased: .text(text.lowercased())
            case .uppercased: .text(text.uppercased())
            case .reversed: .text(String(text.reversed()))
            default: nil
            }
        case .number(let number):
            switch self {
            case .equalzero: .flag(number == 0)
            case .plusone: .number(number &+ 1)
            case .minusone: .number(number &- 1)
            case .even: .flag(number & 1 == 0)
            case .odd: .flag(number & 1 == 1)
            default: nil
            }
        case .flag:
            nil
        case .list(let items):
            switch self {
            case .empty: .flag(items.isEmpty)
            case .count: .number(items.count)
            case .first: items.first
            case .last: items.last
            case .reversed: .list(items.reversed())
            default: nil
            }
        case .object(let object):
            switch self {
            case .empty: .flag(object.fields.isEmpty)
            case .count: .number(object.fields.count)
            case .enumerated: Self.pairs(object.fields)
            case .sorted: Self.pairs(object.fields.sorted { $0.name < $1.name })
            default: nil
            }
        }
    }

    func apply(to position: SequencePosition) -> TemplateValue? {
        switch self {
        case .first: .flag(position.index == 0)
        case .last: .flag(position.isLast)
        case .index: .number(position.index)
        case .even: .flag(position.index & 1 == 0)
        case .odd: .flag(position.index & 1 == 1)
        default: nil
        }
    }

    private static func pairs(_ fields: [(name: String, value: TemplateValue)]) -> TemplateValue {
        .list(fields.map { .object(TemplateObject([("key", .text($0.name)), ("value", $0.value)])) })
    }
}

/// Where a list section is in its list: what `first()`, `index()`… read.
struct SequencePosition {
    var index: Int
    var isLast: Bool
}
