import Foundation

extension CSLItem {
    /// Decodes a CSL-JSON array of items. Wrongly typed fields raise a `CSLError` naming the
    /// item and field; `file` only labels the error.
    public static func decodeArray(from data: Data, file: String = "<items>") throws -> [CSLItem] {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw CSLError(file: file, message: "invalid JSON: \(error.localizedDescription)")
        }
        guard let array = json as? [Any] else { throw CSLError(file: file, message: "expected an array of items") }
        return try decodeArray(objects: array, file: file)
    }

    /// Items from JSON already parsed, as JSONSerialization gives it (NSNumber for numbers and booleans).
    public static func decodeArray(objects array: [Any], file: String = "<items>") throws -> [CSLItem] {
        try array.enumerated().map { index, element in
            guard let object = element as? [String: Any] else {
                throw CSLError(file: file, element: "item \(index)", message: "expected an object")
            }
            return try CSLItem(json: object, file: file, index: index)
        }
    }

    /// Builds an item from a decoded JSON object.
    init(json: [String: Any], file: String, index: Int) throws {
        let label = JSONField.scalarString(json["id"]) ?? "item \(index)"
        func error(_ field: String, _ message: String) -> CSLError {
            CSLError(file: file, element: "\(label).\(field)", message: message)
        }
        // A missing id is tolerated (numbered by position); a wrongly typed one is an error.
        if json["id"] != nil && !(json["id"] is NSNull) && JSONField.scalarString(json["id"]) == nil {
            throw error("id", "expected a string or number")
        }
        let id = JSONField.scalarString(json["id"]) ?? "item-\(index + 1)"
        // An item without a type is a generic "document", not a book: type tests for books
        // must not match it.
        self.init(id: id, type: "document")
        if let t = json["type"] {
            guard let type = t as? String else { throw error("type", "expected a string") }
            self.type = type
        }
        for (key, value) in json where key != "id" && key != "type" {
            if value is NSNull { continue }
            if VariableKind.names.contains(key) {
                guard let list = value as? [Any] else { throw error(key, "expected an array of names") }
                names[key] = try list.enumerated().map { i, n in
                    guard let obj = n as? [String: Any] else { throw error("\(key)[\(i)]", "expected a name object") }
                    return try JSONField.name(obj) { error("\(key)[\(i)].\($0)", $1) }
                }
            } else if VariableKind.dates.contains(key) {
                dates[key] = try JSONField.date(value) { error("\(key)\($0.isEmpty ? "" : "." + $0)", $1) }
            } else if let text = JSONField.scalarString(value) {
                variables[key] = text
            } else if VariableKind.numbers.contains(key) || StandardVariables.all.contains(key) {
                throw error(key, "expected a string or number")
            }
        }
    }
}

enum StandardVariables {
    /// Text variables whose wrong type is an error (unknown fields are ignored instead).
    static let all: Set<String> = [
        "abstract", "annote", "archive", "archive_location", "archive-place", "authority", "call-number",
        "citation-label", "collection-title", "container-title", "container-title-short", "dimensions",
        "DOI", "event", "event-place", "event-title", "genre", "ISBN", "ISSN", "jurisdiction", "keyword",
        "language", "license", "medium", "note", "original-publisher", "original-publisher-place",
        "original-title", "publisher", "publisher-place", "references", "reviewed-title", "scale",
        "source", "status", "title", "title-short", "URL", "year-suffix",
    ]
}
