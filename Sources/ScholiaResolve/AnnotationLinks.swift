import ScholiaModel
import ScholiaLoad

/// What an annotation's `link` points to, once the site's documents and speakers are known.
package enum AnnotationLinkTarget: Sendable, Hashable {
    case document(String)
    case speaker(String)
}

/// Resolves and checks `link` ids; run after loading, when every document and speaker id is known.
package enum AnnotationLinks {
    /// A document id wins over a speaker with the same id: documents are what annotations usually cite.
    package static func resolve(_ id: String, documentIDs: Set<String>, speakerIDs: Set<String>) -> AnnotationLinkTarget? {
        resolve(id, isDocument: documentIDs.contains, isSpeaker: speakerIDs.contains)
    }

    package static func resolve(_ id: String, isDocument: (String) -> Bool, isSpeaker: (String) -> Bool) -> AnnotationLinkTarget? {
        if isDocument(id) { return .document(id) }
        if isSpeaker(id) { return .speaker(id) }
        return nil
    }

    /// Reports every link to an id that is neither a document nor a speaker, with a "did you mean".
    package static func check(_ annotations: [Annotation], documentIDs: Set<String>, speakerIDs: Set<String>,
                             _ diagnostics: inout DiagnosticList) {
        for annotation in annotations {
            guard let id = annotation.link, resolve(id, documentIDs: documentIDs, speakerIDs: speakerIDs) == nil else { continue }
            var message = "'link' names '\(id)', which is neither a document nor a speaker"
            // Only on an error: the list of every id is long on a large site.
            if let hint = Suggestion.closest(to: id, in: documentIDs.union(speakerIDs).sorted()) { message += "; did you mean '\(hint)'?" }
            diagnostics.error(message, at: annotation.linkLocation ?? annotation.location)
        }
    }
}
