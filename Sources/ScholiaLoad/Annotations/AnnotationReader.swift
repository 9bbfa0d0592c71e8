import Foundation
import Markdown
import Yams
import ScholiaModel

/// Reads `annotations:` lists, from a document's metadata or from a sidecar `NAME.notes.yml`
/// (which keeps a `.txt` transcript byte-identical to its archival source).
enum AnnotationReader {
    static let keys = ["quote", "prefix", "suffix", "occurrence", "note", "kind", "link", "author", "tags"]
    static let sidecarKeys = ["annotations"]

    /// The `annotations` key of a document's metadata (front matter or `NAME.yml`); none when absent.
    static func read(metadata: YAMLMapping, unsafeHTML: Bool, _ diagnostics: inout DiagnosticList) -> [Annotation] {
        (metadata.list("annotations") ?? []).compactMap { read(item: $0, source: metadata.source, unsafeHTML: unsafeHTML, &diagnostics) }
    }

    /// A sidecar `NAME.notes.yml`: a mapping whose only key is `annotations`.
    static func read(notesFile text: String, path: String, unsafeHTML: Bool, _ diagnostics: inout DiagnosticList) -> [Annotation] {
        let source = YAMLSource(path: path, text: text, lineOffset: 0)
        guard let yaml = source.parseMapping(&diagnostics, what: "an annotations file") else { return [] }
        yaml.checkKeys(allowed: sidecarKeys, in: "an annotations file", &diagnostics)
        // A misspelt top-level key is already reported by checkKeys, with its "did you mean".
        return read(metadata: yaml, unsafeHTML: unsafeHTML, &diagnostics)
    }

    static func read(item node: Node, source: YAMLSource, unsafeHTML: Bool, _ diagnostics: inout DiagnosticList) -> Annotation? {
        let location = source.location(node.mark)
        guard let map = node.mapping.map({ YAMLMapping(mapping: $0, source: source, location: location) }) else {
            diagnostics.error("an annotation must be a mapping with at least 'quote' and 'note', such as '- {quote: …, note: …}'", at: location)
            return nil
        }
        map.checkKeys(allowed: keys, in: "an annotation", &diagnostics)

        let quote = readQuote(map, &diagnostics)
        let occurrence = readOccurrence(map, &diagnostics)
        let link = nonEmpty(map.string("link", &diagnostics))
        let kind = readKind(map, link: link, &diagnostics)
        let note = nonEmpty(map.string("note", &diagnostics))
        var noteHTML: String?
        if let note {
            noteHTML = MarkdownDocument(note, unsafeHTML: unsafeHTML).html.trimmingCharacters(in: .newlines)
            if !unsafeHTML, noteHTML?.contains("<!-- raw HTML omitted -->") == true {
                diagnostics.warning("raw HTML in a note is omitted; write Markdown, or set 'unsafe_html: true' in site.yml to keep it",
                                    at: map.valueLocation("note"))
            }
        } else if link == nil {
            diagnostics.error("an annotation needs a 'note' (or a 'link' to a document or speaker)", at: location)
        }
        let tags = map.stringList("tags", &diagnostics).map { $0.0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let quote, let kind, !(map.has("occurrence") && occurrence == nil) else { return nil }
        return Annotation(quote: quote, prefix: nonEmpty(map.string("prefix", &diagnostics)),
                          suffix: nonEmpty(map.string("suffix", &diagnostics)), occurrence: occurrence, kind: kind,
                          noteMarkdown: note, noteHTML: noteHTML, link: link, author: nonEmpty(map.string("author", &diagnostics)),
                          tags: tags, location: location, linkLocation: link.map { _ in map.valueLocation("link") })
    }

    private static func readQuote(_ map: YAMLMapping, _ diagnostics: inout DiagnosticList) -> String? {
        guard map.has("quote") else {
            diagnostics.error("an annotation needs a 'quote': the passage it is about, as a reader sees it", at: map.location)
            return nil
        }
        guard let quote = nonEmpty(map.string("quote", &diagnostics)) else {
            if map.node("quote")?.scalar != nil {
                diagnostics.error("'quote' is empty: give the passage the annotation is about", at: map.valueLocation("quote"))
            }
            return nil
        }
        // A blank line inside the quote means it runs over two paragraphs, which cannot be highlighted as one.
        if quote.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            .contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            diagnostics.error("a quote must lie within one paragraph, but this one has a blank line; split it into two annotations",
                              at: map.valueLocation("quote"))
            return nil
        }
        return quote
    }

    private static func readOccurrence(_ map: YAMLMapping, _ diagnostics: inout DiagnosticList) -> Int? {
        guard let occurrence = map.int("occurrence", &diagnostics) else { return nil }
        guard occurrence >= 1 else {
            diagnostics.error("'occurrence' counts matches from 1, so it cannot be \(occurrence)", at: map.valueLocation("occurrence"))
            return nil
        }
        return occurrence
    }

    /// `link` alone implies kind link; a link beside another kind is kept (a context note may link a speaker).
    private static func readKind(_ map: YAMLMapping, link: String?, _ diagnostics: inout DiagnosticList) -> AnnotationKind? {
        guard let text = map.string("kind", &diagnostics) else { return link == nil ? .note : .link }
        guard let kind = AnnotationKind(rawValue: text) else {
            let names = AnnotationKind.allCases.map(\.rawValue)
            var message = "'kind' must be one of \(names.joined(separator: ", ")), not '\(text)'"
            if let hint = Suggestion.closest(to: text, in: names) { message += "; did you mean '\(hint)'?" }
            diagnostics.error(message, at: map.valueLocation("kind"))
            return nil
        }
        if kind == .link && link == nil {
            diagnostics.error("kind 'link' needs a 'link': the id of a document or speaker", at: map.valueLocation("kind"))
            return nil
        }
        return kind
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}
