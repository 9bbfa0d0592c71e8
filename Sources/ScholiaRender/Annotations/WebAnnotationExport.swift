import ScholiaModel
import ScholiaLoad

/// A document's annotations as a W3C Web Annotation collection (`annotations.jsonld`), so that tools
/// such as Hypothesis can anchor the same notes. Selectors count over `DocumentPlainText`.
enum WebAnnotationExport {
    /// How much text around a passage the TextQuoteSelector carries, in Characters.
    static let contextLength = 32

    /// The W3C motivation of each kind, from the Web Annotation vocabulary.
    static func motivation(_ kind: AnnotationKind) -> String {
        switch kind {
        case .note: "commenting"
        case .question: "questioning"
        case .context: "describing"
        case .correction: "editing"
        case .link: "linking"
        }
    }

    /// - Parameters:
    ///   - documentURL: the document page's absolute URL; each annotation is `documentURL#anno-N`.
    ///   - collectionURL: where the file is published (`…/documents/ID/annotations.jsonld`).
    ///   - linkURL: the absolute URL of a `link` id (a document's or speaker's page); nil leaves it out.
    package static func collection(_ annotations: [AnchoredAnnotation], transcript: Transcript, title: String,
                                  documentURL: String, collectionURL: String, language: String? = nil,
                                  linkURL: (String) -> String? = { _ in nil }) -> JSONValue {
        let plain = DocumentPlainText(transcript)
        let texts = Dictionary(transcript.paragraphs.map { ($0.number, $0.plainText) }, uniquingKeysWith: { first, _ in first })
        let items = annotations.compactMap { annotation -> JSONValue? in
            guard let paragraphText = texts[annotation.paragraph] else { return nil }
            return item(annotation, paragraphText: paragraphText, plain: plain, documentURL: documentURL,
                        language: language, linkURL: linkURL)
        }
        var collection: [(String, JSONValue)] = [
            ("@context", .string("http://www.w3.org/ns/anno.jsonld")),
            ("id", .string(collectionURL)),
            ("type", .string("AnnotationCollection")),
            ("label", .string("Annotations on \(title)")),
            ("total", .int(items.count)),
        ]
        // The model allows no first page in an empty collection.
        if !items.isEmpty {
            collection.append(("first", .object([
                ("id", .string(collectionURL + "#page-1")),
                ("type", .string("AnnotationPage")),
                ("partOf", .string(collectionURL)),
                ("startIndex", .int(0)),
                ("items", .array(items)),
            ])))
        }
        return .object(collection)
    }

    /// The file's text: the same input always gives the same bytes.
    static func jsonld(_ annotations: [AnchoredAnnotation], transcript: Transcript, title: String,
                              documentURL: String, collectionURL: String, language: String? = nil,
                              linkURL: (String) -> String? = { _ in nil }) -> String {
        collection(annotations, transcript: transcript, title: title, documentURL: documentURL, collectionURL: collectionURL,
                   language: language, linkURL: linkURL).serialized() + "\n"
    }

    private static func item(_ anchored: AnchoredAnnotation, paragraphText: String, plain: DocumentPlainText,
                             documentURL: String, language: String?, linkURL: (String) -> String?) -> JSONValue? {
        let annotation = anchored.annotation
        guard let start = plain.scalarOffset(paragraph: anchored.paragraph, plainText: paragraphText, characterOffset: anchored.range.lowerBound),
              let end = plain.scalarOffset(paragraph: anchored.paragraph, plainText: paragraphText, characterOffset: anchored.range.upperBound)
        else { return nil }
        let scalars = plain.text.unicodeScalars
        let startIndex = scalars.index(scalars.startIndex, offsetBy: start)
        let endIndex = scalars.index(startIndex, offsetBy: end - start)
        // Context is cut in whole Characters but located by scalars, so it abuts the passage exactly.
        let before = String(String.UnicodeScalarView(scalars[..<startIndex])).suffix(contextLength)
        let after = String(String.UnicodeScalarView(scalars[endIndex...])).prefix(contextLength)

        var bodies: [JSONValue] = []
        if let note = annotation.noteMarkdown {
            var body: [(String, JSONValue)] = [
                ("type", .string("TextualBody")),
                ("value", .string(note)),
                ("format", .string("text/markdown")),
            ]
            if let language { body.append(("language", .string(language))) }
            body.append(("purpose", .string(annotation.kind == .link ? "commenting" : motivation(annotation.kind))))
            bodies.append(.object(body))
        }
        if let link = annotation.link, let url = linkURL(link) {
            bodies.append(.object([("type", .string("SpecificResource")), ("source", .string(url)), ("purpose", .string("linking"))]))
        }
        for tag in annotation.tags {
            bodies.append(.object([("type", .string("TextualBody")), ("value", .string(tag)), ("purpose", .string("tagging"))]))
        }

        var item: [(String, JSONValue)] = [
            ("id", .string(documentURL + "#" + anchored.noteID)),
            ("type", .string("Annotation")),
            ("motivation", .string(motivation(annotation.kind))),
        ]
        if let author = annotation.author {
            item.append(("creator", .object([("type", .string("Person")), ("name", .string(author))])))
        }
        if !bodies.isEmpty { item.append(("body", .array(bodies))) }
        item.append(("target", .object([
            ("source", .string(documentURL)),
            ("selector", .array([
                .object([
                    ("type", .string("TextQuoteSelector")),
                    ("exact", .string(String(String.UnicodeScalarView(scalars[startIndex..<endIndex])))),
                    ("prefix", .string(String(before))),
                    ("suffix", .string(String(after))),
                ]),
                .object([("type", .string("TextPositionSelector")), ("start", .int(start)), ("end", .int(end))]),
            ])),
        ])))
        return .object(item)
    }
}
