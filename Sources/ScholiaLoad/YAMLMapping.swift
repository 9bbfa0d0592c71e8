import Foundation
import Yams
import ScholiaModel

/// A YAML text from a file, with the line where it starts, so that positions point into the file.
struct YAMLSource {
    let path: String
    let text: String
    /// Lines of the file before the YAML text (1 for front matter after `---`).
    let lineOffset: Int

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// Only nulls are told apart: every other value is read as text and converted where it is used, and
    /// Yams' default resolver tries six regular expressions on every key (to check for duplicates).
    private static let resolver = Resolver.basic.appending(.null)

    /// Parses the text into a mapping; an empty text is an empty mapping.
    func parseMapping(_ diagnostics: inout DiagnosticList, what: String) -> YAMLMapping? {
        let root: Node?
        do {
            // The encoding is given: Yams' default reads the whole process environment on every call.
            root = try Yams.compose(yaml: text, Self.resolver, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.error("malformed YAML in \(what): \(Self.describe(error))", at: errorLocation(error))
            return nil
        } catch {
            diagnostics.error("malformed YAML in \(what): \(error)", at: location(nil))
            return nil
        }
        guard let root else { return YAMLMapping(mapping: Node.Mapping([]), source: self, location: location(nil)) }
        guard let mapping = root.mapping else {
            diagnostics.error("\(what) must be a mapping of keys to values", at: location(root.mark))
            return nil
        }
        return YAMLMapping(mapping: mapping, source: self, location: location(root.mark))
    }

    private func errorLocation(_ error: YamlError) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return location(mark)
        default:
            return location(nil)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// A YAML mapping whose fields are read with type checks; every problem becomes a diagnostic.
struct YAMLMapping {
    let mapping: Node.Mapping
    let source: YAMLSource
    let location: SourceLocation

    var keys: [String] { mapping.keys.compactMap(\.string) }

    /// Reports keys that are not `allowed` (with a "did you mean") and keys given twice.
    func checkKeys(allowed: [String], in what: String, _ diagnostics: inout DiagnosticList) {
        var seen: Set<String> = []
        for key in mapping.keys {
            let name = key.string ?? "\(key)"
            if !seen.insert(name).inserted {
                diagnostics.error("'\(name)' is given twice in \(what)", at: source.location(key.mark))
            }
            guard !allowed.contains(name) else { continue }
            var message = "unknown key '\(name)' in \(what)"
            if let hint = Suggestion.closest(to: name, in: allowed) { message += "; did you mean '\(hint)'?" }
            diagnostics.error(message, at: source.location(key.mark))
        }
    }

    func node(_ key: String) -> Node? {
        for (k, value) in mapping where k.string == key { return value }
        return nil
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    func location(of key: String) -> SourceLocation {
        for (k, _) in mapping where k.string == key { return source.location(k.mark) }
        return location
    }

    func valueLocation(_ key: String) -> SourceLocation {
        source.location(node(key)?.mark)
    }

    /// A scalar as text; a null value reads as absent.
    func string(_ key: String, _ diagnostics: inout DiagnosticList) -> String? {
        guard let value = node(key) else { return nil }
        return Self.scalarString(value, key: key, source: source, &diagnostics)
    }

    func bool(_ key: String, _ diagnostics: inout DiagnosticList) -> Bool? {
        guard let text = string(key, &diagnostics) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.error("'\(key)' must be true or false, not '\(text)'", at: valueLocation(key))
            return nil
        }
    }

    func int(_ key: String, _ diagnostics: inout DiagnosticList) -> Int? {
        guard let text = string(key, &diagnostics) else { return nil }
        guard let value = Int(text) else {
            diagnostics.error("'\(key)' must be a whole number, not '\(text)'", at: valueLocation(key))
            return nil
        }
        return value
    }

    /// A list of nodes; a single value is read as a list of one.
    func list(_ key: String) -> [Node]? {
        guard let value = node(key) else { return nil }
        if let sequence = value.sequence { return Array(sequence) }
        if value.scalar?.tag == Tag(.null) { return [] }
        return [value]
    }

    func stringList(_ key: String, _ diagnostics: inout DiagnosticList) -> [(String, SourceLocation)] {
        (list(key) ?? []).compactMap { item in
            guard let text = Self.scalarString(item, key: key, source: source, &diagnostics) else { return nil }
            return (text, source.location(item.mark))
        }
    }

    func mapping(_ key: String, _ diagnostics: inout DiagnosticList) -> YAMLMapping? {
        guard let value = node(key) else { return nil }
        return Self.mapping(value, key: key, source: source, &diagnostics)
    }

    static func mapping(_ node: Node, key: String, source: YAMLSource, _ diagnostics: inout DiagnosticList) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            diagnostics.error("'\(key)' must be a mapping of keys to values", at: source.location(node.mark))
            return nil
        }
        return YAMLMapping(mapping: mapping, source: source, location: source.location(node.mark))
    }

    static func scalarString(_ node: Node, key: String, source: YAMLSource, _ diagnostics: inout DiagnosticList) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.error("'\(key)' must be a single value, not a list or mapping", at: source.location(node.mark))
            return nil
        }
        if scalar.tag == Tag(.null) && scalar.style == .plain { return nil }
        return scalar.string
    }
}
