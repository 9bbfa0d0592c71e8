import ScholiaModel
import Templating

extension Fingerprint {
    /// Everything a template can see of the value: kinds, names, order and contents.
    mutating func add(_ value: TemplateValue) {
        switch value {
        case .text(let text): add(1); add(text)
        case .number(let number): add(2); add(number)
        case .flag(let flag): add(flag ? 3 : 4)
        case .list(let items):
            add(5); add(items.count)
            for item in items { add(item) }
        case .object(let object):
            add(6); add(object.fields.count)
            for (name, field) in object.fields { add(name); add(field) }
        }
    }
}
