import Yams
import ScholiaModel

/// YAML values as JSON, for the CSL fields a document overrides.
enum YAMLJSON {
    static func convert(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let int = Int(scalar.string) { return .int(int) }
                if scalar.tag == Tag(.null) { return .null }
                if let bool = node.bool, ["true", "false"].contains(scalar.string.lowercased()) { return .bool(bool) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.map(convert))
        case .mapping(let mapping):
            return .object(mapping.compactMap { key, value in key.string.map { ($0, convert(value)) } })
        case .alias:
            return .null
        }
    }
}
