import Foundation
import ScholiaModel

/// Documents as the build cache on disk keeps them: everything but the transcript and the related
/// documents (which are worked out again from the whole site).
extension Document: Codable {
    /// Part of the cache file's first line: a cache written with other fields is not read.
    static let codingVersion = 3

    private enum CodingKeys: String, CodingKey {
        case id, sourcePath, title, date, type, participants, topicIDs, summaryHTML, summaryText, excerpt, source, language,
             isDraft, annotations, citationOverrides, details, contentKey
    }

    package init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let overrides = try values.decode(JSONValue.self, forKey: .citationOverrides)
        guard case .object(let fields) = overrides else {
            throw DecodingError.dataCorruptedError(forKey: .citationOverrides, in: values, debugDescription: "not an object")
        }
        self.init(
            id: try values.decode(String.self, forKey: .id), sourcePath: try values.decode(String.self, forKey: .sourcePath),
            title: try values.decode(String.self, forKey: .title), date: try values.decode(DocumentDate.self, forKey: .date),
            type: try values.decode(String.self, forKey: .type), participants: try values.decode([Participant].self, forKey: .participants),
            topicIDs: try values.decode([String].self, forKey: .topicIDs),
            summaryHTML: try values.decodeIfPresent(String.self, forKey: .summaryHTML),
            summaryText: try values.decodeIfPresent(String.self, forKey: .summaryText),
            excerpt: try values.decodeIfPresent(String.self, forKey: .excerpt), source: try values.decode(SourceInfo.self, forKey: .source),
            language: try values.decodeIfPresent(String.self, forKey: .language), isDraft: try values.decode(Bool.self, forKey: .isDraft),
            transcript: Transcript(turns: []), annotations: try values.decode([AnchoredAnnotation].self, forKey: .annotations),
            citationOverrides: fields, details: try values.decode(DocumentDetails.self, forKey: .details), contentKey: try values.decode(UInt64.self, forKey: .contentKey), transcriptIsOmitted: true)
    }

    package func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(sourcePath, forKey: .sourcePath)
        try values.encode(title, forKey: .title)
        try values.encode(date, forKey: .date)
        try values.encode(type, forKey: .type)
        try values.encode(participants, forKey: .participants)
        try values.encode(topicIDs, forKey: .topicIDs)
        try values.encodeIfPresent(summaryHTML, forKey: .summaryHTML)
        try values.encodeIfPresent(summaryText, forKey: .summaryText)
        try values.encodeIfPresent(excerpt, forKey: .excerpt)
        try values.encode(source, forKey: .source)
        try values.encodeIfPresent(language, forKey: .language)
        try values.encode(isDraft, forKey: .isDraft)
        try values.encode(annotations, forKey: .annotations)
        try values.encode(JSONValue.object(citationOverrides), forKey: .citationOverrides)
        try values.encode(details, forKey: .details)
        try values.encode(contentKey, forKey: .contentKey)
    }
}

/// JSON values as themselves; objects keep their order.
extension JSONValue: Codable {
    package init(from decoder: Decoder) throws {
        if var items = try? decoder.unkeyedContainer() {
            // An object is a list whose first element is the marker "{", then name and value pairs; a list whose first
            // element is "{" or "[" has the marker "[" before it.
            var values: [JSONValue] = []
            while !items.isAtEnd { values.append(try items.decode(JSONValue.self)) }
            if case .string("{")? = values.first, values.count % 2 == 1 {
                self = .object(stride(from: 1, to: values.count, by: 2).compactMap { index in
                    if case .string(let name) = values[index] { (name, values[index + 1]) } else { nil }
                })
            } else if case .string("[")? = values.first {
                self = .array(Array(values.dropFirst()))
            } else {
                self = .array(values)
            }
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let flag = try? value.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? value.decode(Int.self) { self = .int(number) }
        else if let number = try? value.decode(Double.self) { self = .double(number) }
        else { self = .string(try value.decode(String.self)) }
    }

    package func encode(to encoder: Encoder) throws {
        switch self {
        case .array(let items):
            var container = encoder.unkeyedContainer()
            // A list that starts with "{" would read back as an object: it gets a "[" marker.
            if case .string(let first)? = items.first, first == "{" || first == "[" { try container.encode("[") }
            for item in items { try container.encode(item) }
        case .object(let fields):
            var container = encoder.unkeyedContainer()
            try container.encode("{")
            for (name, value) in fields { try container.encode(name); try container.encode(value) }
        case .string(let text): var container = encoder.singleValueContainer(); try container.encode(text)
        case .int(let number): var container = encoder.singleValueContainer(); try container.encode(number)
        case .double(let number): var container = encoder.singleValueContainer(); try container.encode(number)
        case .bool(let flag): var container = encoder.singleValueContainer(); try container.encode(flag)
        case .null: var container = encoder.singleValueContainer(); try container.encodeNil()
        }
    }
}
