import Foundation
import Markdown
import ScholiaModel

/// Reads the Markdown files of speakers, topics and collections: front matter plus a Markdown body.
struct EntityLoader: Sendable {
    let config: SiteConfig

    private func open(_ url: URL, displayPath: String, keys: [String], what: String,
                      _ diagnostics: inout DiagnosticList) -> (YAMLMapping, body: String?, id: String)? {
        guard let text = ContentFile.read(url, displayPath: displayPath, &diagnostics),
              let split = FrontMatter.split(text, path: displayPath, &diagnostics) else { return nil }
        let source = YAMLSource(path: displayPath, text: split.yaml ?? "", lineOffset: 1)
        guard let yaml = source.parseMapping(&diagnostics, what: "\(what) metadata") else { return nil }
        yaml.checkKeys(allowed: keys, in: "\(what) metadata", &diagnostics)
        let id = url.deletingPathExtension().lastPathComponent
        guard Identifier.isValid(id) else {
            diagnostics.error("\(what) id '\(id)' (the file name) may use only lowercase letters, digits and single hyphens; rename it to '\(Identifier.slug(id)).md'",
                              at: SourceLocation(path: displayPath))
            return nil
        }
        let body = split.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return (yaml, body.isEmpty ? nil : MarkdownDocument.html(body, unsafeHTML: config.unsafeHTML), id)
    }

    static let speakerKeys = ["name", "given", "family", "particle", "suffix", "literal", "aliases", "born", "died", "roles"]

    func speaker(_ url: URL, displayPath: String, _ diagnostics: inout DiagnosticList) -> Speaker? {
        guard let (yaml, body, id) = open(url, displayPath: displayPath, keys: Self.speakerKeys, what: "speaker", &diagnostics) else { return nil }
        let name: PersonName
        if let literal = yaml.string("literal", &diagnostics) {
            name = PersonName(literal: literal)
        } else if yaml.has("family") || yaml.has("given") {
            name = PersonName(given: yaml.string("given", &diagnostics), family: yaml.string("family", &diagnostics),
                              particle: yaml.string("particle", &diagnostics), suffix: yaml.string("suffix", &diagnostics))
        } else if let full = yaml.string("name", &diagnostics) {
            name = PersonName(splitting: full)
        } else {
            name = PersonName(splitting: Identifier.humanize(id))
        }
        var roles: [RoleSpan] = []
        for node in yaml.list("roles") ?? [] {
            guard let map = YAMLMapping.mapping(node, key: "roles", source: yaml.source, &diagnostics) else { continue }
            map.checkKeys(allowed: ["title", "from", "to"], in: "a role", &diagnostics)
            guard let title = map.string("title", &diagnostics) else {
                diagnostics.error("a role needs a 'title'", at: map.location)
                continue
            }
            roles.append(RoleSpan(title: title, from: map.string("from", &diagnostics), to: map.string("to", &diagnostics)))
        }
        return Speaker(id: id, name: name, aliases: yaml.stringList("aliases", &diagnostics).map(\.0),
                       born: yaml.string("born", &diagnostics), died: yaml.string("died", &diagnostics),
                       declaredRoles: roles, biographyHTML: body, sourcePath: displayPath)
    }

    func topic(_ url: URL, displayPath: String, _ diagnostics: inout DiagnosticList) -> Topic? {
        guard let (yaml, body, id) = open(url, displayPath: displayPath, keys: ["title", "summary"], what: "topic", &diagnostics) else { return nil }
        return Topic(id: id, title: yaml.string("title", &diagnostics) ?? Identifier.humanize(id),
                     summaryHTML: yaml.string("summary", &diagnostics).map { MarkdownDocument.inlineHTML($0, unsafeHTML: config.unsafeHTML) },
                     bodyHTML: body, sourcePath: displayPath)
    }

    static let collectionKeys = ["title", "course", "term", "instructor", "style", "documents"]

    package func collection(_ url: URL, displayPath: String, _ diagnostics: inout DiagnosticList) -> LoadedCollection? {
        guard let (yaml, body, id) = open(url, displayPath: displayPath, keys: Self.collectionKeys, what: "collection", &diagnostics) else { return nil }
        var items: [LoadedCollectionItem] = []
        for node in yaml.list("documents") ?? [] {
            let location = yaml.source.location(node.mark)
            if node.scalar != nil {
                if let documentID = YAMLMapping.scalarString(node, key: "documents", source: yaml.source, &diagnostics) {
                    items.append(LoadedCollectionItem(item: CollectionItem(documentID: documentID), location: location))
                }
                continue
            }
            guard let map = YAMLMapping.mapping(node, key: "documents", source: yaml.source, &diagnostics) else { continue }
            map.checkKeys(allowed: ["id", "note", "pinpoint"], in: "a reading", &diagnostics)
            guard let documentID = map.string("id", &diagnostics) else {
                diagnostics.error("a reading needs the 'id' of a document", at: location)
                continue
            }
            let note = map.string("note", &diagnostics).map { MarkdownDocument.inlineHTML($0, unsafeHTML: config.unsafeHTML) }
            items.append(LoadedCollectionItem(item: CollectionItem(documentID: documentID, noteHTML: note, pinpoint: map.string("pinpoint", &diagnostics)),
                                              location: map.has("id") ? map.valueLocation("id") : location))
        }
        // A document listed twice would appear twice, with one BibTeX key for two entries.
        var firstListed: [String: SourceLocation] = [:]
        for item in items {
            if let first = firstListed[item.item.documentID] {
                diagnostics.error("'\(item.item.documentID)' is listed twice in this reading list (first on line \(first.line)); list each document once", at: item.location)
            } else {
                firstListed[item.item.documentID] = item.location
            }
        }
        let title = yaml.string("title", &diagnostics) ?? Identifier.humanize(id)
        let collection = Collection(id: id, title: title, course: yaml.string("course", &diagnostics), term: yaml.string("term", &diagnostics),
                                    instructor: yaml.string("instructor", &diagnostics), style: yaml.string("style", &diagnostics),
                                    items: items.map(\.item), bodyHTML: body, sourcePath: displayPath)
        return LoadedCollection(collection: collection, items: items)
    }
}
