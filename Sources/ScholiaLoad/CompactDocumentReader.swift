import ScholiaModel

/// Reads a documents cache record (what `CompactEncoder` wrote for it) straight into the model, without
/// `Codable`: a large site's cache is ten thousand documents, and the generic decoding containers cost several
/// times the reading itself. It reads exactly what `CompactDecoder` would (a test compares the two) and is
/// as strict: a missing field, a value of the wrong kind or a length past the end throws.
enum CompactDocumentReader {
    /// The path and entry of one record, or a throw.
    static func record(_ buffer: UnsafeBufferPointer<UInt8>) throws -> (path: String, key: UInt64, speakers: [String], speakerKey: UInt64,
                                                                      document: LoadedDocument?, diagnostics: DiagnosticList) {
        let reader = CompactReader(bytes: buffer)
        guard try reader.end(of: 0) == buffer.count else { throw reader.broken("bytes after the value") }
        var path: String?, key: UInt64?, speakers: [String]?, speakerKey: UInt64?, document: LoadedDocument?, diagnostics: DiagnosticList?
        try reader.fields(at: 0) { name, at in
            switch name {
            case "path": path = try reader.string(at: at)
            case "entry":
                try reader.fields(at: at) { name, at in
                    switch name {
                    case "key": key = try reader.integer(UInt64.self, at: at)
                    case "speakers": speakers = try reader.strings(at: at)
                    case "speakerKey": speakerKey = try reader.integer(UInt64.self, at: at)
                    case "document": document = try reader.isNull(at: at) ? nil : reader.loadedDocument(at: at)
                    case "diagnostics": diagnostics = try reader.diagnosticList(at: at)
                    default: break
                    }
                }
            default: break
            }
        }
        guard let path, let key, let speakers, let speakerKey, let diagnostics else {
            throw reader.broken("a record without its path, key, speakers or diagnostics")
        }
        return (path, key, speakers, speakerKey, document, diagnostics)
    }

    /// One document as `LoadedDocument`'s decoding gives it.
    static func loadedDocument(_ bytes: [UInt8]) throws -> LoadedDocument {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = CompactReader(bytes: buffer)
            guard try reader.end(of: 0) == buffer.count else { throw reader.broken("bytes after the value") }
            return try reader.loadedDocument(at: 0)
        }
    }
}

extension CompactReader {
    /// Calls `field` with each field's name and where its value starts.
    func fields(at position: Int, _ field: (String, Int) throws -> Void) throws {
        let (count, start, end) = try container(.keyed, at: position)
        var cursor = start
        for _ in 0..<count {
            let (length, name) = try self.length(at: cursor)
            let value = name + length
            cursor = try self.end(of: value)
            guard cursor <= end else { throw broken("field past its container") }
            try field(String(decoding: UnsafeBufferPointer(rebasing: bytes[name..<value]), as: UTF8.self), value)
        }
    }

    /// Where each element of a list starts.
    func elements(at position: Int) throws -> [Int] {
        let (count, start, end) = try container(.unkeyed, at: position)
        var positions: [Int] = []
        positions.reserveCapacity(count)
        var cursor = start
        for _ in 0..<count {
            positions.append(cursor)
            cursor = try self.end(of: cursor)
            guard cursor <= end else { throw broken("element past its container") }
        }
        return positions
    }

    func optionalString(at position: Int) throws -> String? { try isNull(at: position) ? nil : string(at: position) }
    func optionalInt(at position: Int) throws -> Int? { try isNull(at: position) ? nil : integer(Int.self, at: position) }
    func strings(at position: Int) throws -> [String] { try elements(at: position).map { try string(at: $0) } }

    func required<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw broken("no field '\(what)'") }
        return value
    }

    func raw<T: RawRepresentable>(_ type: T.Type, at position: Int) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(at: position)) else { throw broken("unknown \(T.self)") }
        return value
    }

    func loadedDocument(at position: Int) throws -> LoadedDocument {
        var document: Document?, location: SourceLocation?, speakers: [SpeakerReference]?, topics: [TopicReference]?
        try fields(at: position) { name, at in
            switch name {
            case "document": document = try self.document(at: at)
            case "location": location = try sourceLocation(at: at)
            case "speakers": speakers = try elements(at: at).map { try speakerReference(at: $0) }
            case "topics": topics = try elements(at: at).map { try topicReference(at: $0) }
            default: break
            }
        }
        return LoadedDocument(document: try required(document, "document"), location: try required(location, "location"),
                              speakers: try required(speakers, "speakers"), topics: try required(topics, "topics"))
    }

    /// The fields `Document.encode(to:)` writes (`DocumentCoding.swift`).
    func document(at position: Int) throws -> Document {
        var id: String?, sourcePath: String?, title: String?, date: DocumentDate?, type: String?, participants: [Participant]?
        var topicIDs: [String]?, summaryHTML: String?, summaryText: String?, excerpt: String?, source: SourceInfo?, language: String?
        var isDraft: Bool?, annotations: [AnchoredAnnotation]?, overrides: [(String, JSONValue)]?, details: DocumentDetails?, contentKey: UInt64?
        try fields(at: position) { name, at in
            switch name {
            case "id": id = try string(at: at)
            case "sourcePath": sourcePath = try string(at: at)
            case "title": title = try string(at: at)
            case "date": date = try documentDate(at: at)
            case "type": type = try string(at: at)
            case "participants": participants = try elements(at: at).map { try participant(at: $0) }
            case "topicIDs": topicIDs = try strings(at: at)
            case "summaryHTML": summaryHTML = try optionalString(at: at)
            case "summaryText": summaryText = try optionalString(at: at)
            case "excerpt": excerpt = try optionalString(at: at)
            case "source": source = try sourceInfo(at: at)
            case "language": language = try optionalString(at: at)
            case "isDraft": isDraft = try bool(at: at)
            case "annotations": annotations = try elements(at: at).map { try anchoredAnnotation(at: $0) }
            case "citationOverrides":
                guard case .object(let fields) = try jsonValue(at: at) else { throw broken("citation overrides that are not an object") }
                overrides = fields
            case "details": details = try documentDetails(at: at)
            case "contentKey": contentKey = try integer(UInt64.self, at: at)
            default: break
            }
        }
        return Document(id: try required(id, "id"), sourcePath: try required(sourcePath, "sourcePath"), title: try required(title, "title"),
                        date: try required(date, "date"), type: try required(type, "type"), participants: try required(participants, "participants"),
                        topicIDs: try required(topicIDs, "topicIDs"), summaryHTML: summaryHTML, summaryText: summaryText, excerpt: excerpt,
                        source: try required(source, "source"), language: language, isDraft: try required(isDraft, "isDraft"),
                        transcript: Transcript(turns: []), annotations: try required(annotations, "annotations"),
                        citationOverrides: try required(overrides, "citationOverrides"), details: try required(details, "details"),
                        contentKey: try required(contentKey, "contentKey"), transcriptIsOmitted: true)
    }

    func sourceLocation(at position: Int) throws -> SourceLocation {
        var path: String?, line: Int?, column: Int?
        try fields(at: position) { name, at in
            switch name {
            case "path": path = try string(at: at)
            case "line": line = try integer(Int.self, at: at)
            case "column": column = try integer(Int.self, at: at)
            default: break
            }
        }
        return SourceLocation(path: try required(path, "path"), line: try required(line, "line"), column: try required(column, "column"))
    }

    func partialDate(at position: Int) throws -> PartialDate {
        var year: Int?, month: Int?, day: Int?
        try fields(at: position) { name, at in
            switch name {
            case "year": year = try integer(Int.self, at: at)
            case "month": month = try optionalInt(at: at)
            case "day": day = try optionalInt(at: at)
            default: break
            }
        }
        return PartialDate(year: try required(year, "year"), month: month, day: day)
    }

    func documentDate(at position: Int) throws -> DocumentDate {
        var start: PartialDate?, end: PartialDate?, circa: Bool?
        try fields(at: position) { name, at in
            switch name {
            case "start": start = try partialDate(at: at)
            case "end": end = try isNull(at: at) ? nil : partialDate(at: at)
            case "circa": circa = try bool(at: at)
            default: break
            }
        }
        return DocumentDate(start: try required(start, "start"), end: end, circa: try required(circa, "circa"))
    }

    func participant(at position: Int) throws -> Participant {
        var speakerID: String?, role: String?, participation: Participation?
        try fields(at: position) { name, at in
            switch name {
            case "speakerID": speakerID = try string(at: at)
            case "role": role = try optionalString(at: at)
            case "participation": participation = try raw(Participation.self, at: at)
            default: break
            }
        }
        return Participant(speakerID: try required(speakerID, "speakerID"), role: role, participation: try required(participation, "participation"))
    }

    func sourceInfo(at position: Int) throws -> SourceInfo {
        var source = SourceInfo()
        try fields(at: position) { name, at in
            switch name {
            case "publisher": source.publisher = try optionalString(at: at)
            case "title": source.title = try optionalString(at: at)
            case "url": source.url = try optionalString(at: at)
            case "place": source.place = try optionalString(at: at)
            case "archive": source.archive = try optionalString(at: at)
            case "archiveLocation": source.archiveLocation = try optionalString(at: at)
            case "accessed": source.accessed = try isNull(at: at) ? nil : partialDate(at: at)
            default: break
            }
        }
        return source
    }

    func documentDetails(at position: Int) throws -> DocumentDetails {
        var details = DocumentDetails(), parties: [String]?
        try fields(at: position) { name, at in
            switch name {
            case "place": details.place = try optionalString(at: at)
            case "issuer": details.issuer = try optionalString(at: at)
            case "number": details.number = try optionalString(at: at)
            case "hearing": details.hearing = try optionalString(at: at)
            case "congress": details.congress = try optionalInt(at: at)
            case "session": details.session = try optionalInt(at: at)
            case "parties": parties = try strings(at: at)
            case "series": details.series = try optionalString(at: at)
            default: break
            }
        }
        details.parties = try required(parties, "parties")
        return details
    }

    func anchoredAnnotation(at position: Int) throws -> AnchoredAnnotation {
        var number: Int?, annotation: Annotation?, paragraph: Int?, range: Range<Int>?
        try fields(at: position) { name, at in
            switch name {
            case "number": number = try integer(Int.self, at: at)
            case "annotation": annotation = try self.annotation(at: at)
            case "paragraph": paragraph = try integer(Int.self, at: at)
            case "range":
                let bounds = try elements(at: at).map { try integer(Int.self, at: $0) }
                guard bounds.count == 2, bounds[0] <= bounds[1] else { throw broken("a range that is not two ordered bounds") }
                range = bounds[0] ..< bounds[1]
            default: break
            }
        }
        return AnchoredAnnotation(number: try required(number, "number"), annotation: try required(annotation, "annotation"),
                                  paragraph: try required(paragraph, "paragraph"), range: try required(range, "range"))
    }

    func annotation(at position: Int) throws -> Annotation {
        var quote: String?, kind: AnnotationKind?, tags: [String]?, location: SourceLocation?
        var prefix: String?, suffix: String?, occurrence: Int?, noteMarkdown: String?, noteHTML: String?, link: String?, author: String?
        var linkLocation: SourceLocation?
        try fields(at: position) { name, at in
            switch name {
            case "quote": quote = try string(at: at)
            case "prefix": prefix = try optionalString(at: at)
            case "suffix": suffix = try optionalString(at: at)
            case "occurrence": occurrence = try optionalInt(at: at)
            case "kind": kind = try raw(AnnotationKind.self, at: at)
            case "noteMarkdown": noteMarkdown = try optionalString(at: at)
            case "noteHTML": noteHTML = try optionalString(at: at)
            case "link": link = try optionalString(at: at)
            case "author": author = try optionalString(at: at)
            case "tags": tags = try strings(at: at)
            case "location": location = try sourceLocation(at: at)
            case "linkLocation": linkLocation = try isNull(at: at) ? nil : sourceLocation(at: at)
            default: break
            }
        }
        return Annotation(quote: try required(quote, "quote"), prefix: prefix, suffix: suffix, occurrence: occurrence,
                          kind: try required(kind, "kind"), noteMarkdown: noteMarkdown, noteHTML: noteHTML, link: link, author: author,
                          tags: try required(tags, "tags"), location: try required(location, "location"), linkLocation: linkLocation)
    }

    func speakerReference(at position: Int) throws -> SpeakerReference {
        var id: String?, name: String?, role: String?, labels: [String]?, participation: Participation?, location: SourceLocation?
        try fields(at: position) { field, at in
            switch field {
            case "id": id = try string(at: at)
            case "name": name = try optionalString(at: at)
            case "role": role = try optionalString(at: at)
            case "labels": labels = try strings(at: at)
            case "participation": participation = try raw(Participation.self, at: at)
            case "location": location = try sourceLocation(at: at)
            default: break
            }
        }
        return SpeakerReference(id: try required(id, "id"), name: name, role: role, labels: try required(labels, "labels"),
                                participation: try required(participation, "participation"), location: try required(location, "location"))
    }

    func topicReference(at position: Int) throws -> TopicReference {
        var id: String?, title: String?
        try fields(at: position) { name, at in
            switch name {
            case "id": id = try string(at: at)
            case "title": title = try optionalString(at: at)
            default: break
            }
        }
        return TopicReference(id: try required(id, "id"), title: title)
    }

    func diagnosticList(at position: Int) throws -> DiagnosticList {
        var all: [Diagnostic]?
        try fields(at: position) { name, at in
            if name == "all" { all = try elements(at: at).map { try diagnostic(at: $0) } }
        }
        return DiagnosticList(try required(all, "all"))
    }

    func diagnostic(at position: Int) throws -> Diagnostic {
        var location: SourceLocation?, severity: Diagnostic.Severity?, message: String?
        try fields(at: position) { name, at in
            switch name {
            case "location": location = try sourceLocation(at: at)
            case "severity": severity = try raw(Diagnostic.Severity.self, at: at)
            case "message": message = try string(at: at)
            default: break
            }
        }
        return Diagnostic(try required(severity, "severity"), try required(message, "message"), at: try required(location, "location"))
    }

    /// A JSON value as `JSONValue`'s decoding reads it: an object is a list that starts with "{", a list whose
    /// first element is "{" or "[" has a "[" before it.
    func jsonValue(at position: Int) throws -> JSONValue {
        switch try tag(at: position) {
        case .null: return .null
        case .bool: return .bool(try bool(at: position))
        case .int, .uint: return .int(try integer(Int.self, at: position))
        case .double: return .double(try double(at: position))
        case .string: return .string(try string(at: position))
        case .keyed: throw broken("a keyed container for a JSON value")
        case .unkeyed:
            let values = try elements(at: position).map { try jsonValue(at: $0) }
            if case .string("{")? = values.first, values.count % 2 == 1 {
                return .object(stride(from: 1, to: values.count, by: 2).compactMap { index in
                    if case .string(let name) = values[index] { (name, values[index + 1]) } else { nil }
                })
            }
            if case .string("[")? = values.first { return .array(Array(values.dropFirst())) }
            return .array(values)
        }
    }
}
