import Foundation
import Mustache
import Templating

/// The theme's Mustache templates, loaded once; a template with a syntax error is a diagnostic.
struct TemplateSet: Sendable {
    let library: MustacheLibrary

    /// Templates every theme must have.
    static let required = ["home", "documents", "document", "speakers", "speaker", "topics", "topic", "years", "list",
                           "collections", "collection", "404"]

    static func load(from directory: URL, _ diagnostics: inout DiagnosticList) -> TemplateSet? {
        var library = MustacheLibrary()
        let found = FileTree.files(under: directory).filter { $0.hasSuffix(".mustache") }
        for path in found {
            let display = "Templates/" + path
            guard let text = ContentFile.read(directory.appendingPathComponent(path), displayPath: display, &diagnostics) else { continue }
            do {
                library.register(try MustacheTemplate(string: text), named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("template syntax error: \(error.error)",
                                  at: SourceLocation(path: display, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.error("template syntax error: \(error)", at: SourceLocation(path: display))
            }
        }
        for name in required where library.getTemplate(named: name) == nil && !found.contains(name + ".mustache") {
            diagnostics.error("the theme has no template '\(name).mustache'", at: SourceLocation(path: "Templates/\(name).mustache"))
        }
        return diagnostics.hasErrors ? nil : TemplateSet(library: library)
    }

    func render(_ name: String, _ context: TemplateValue) -> String {
        library.render(Self.mustacheValue(context), withTemplate: name) ?? ""
    }

    private static func mustacheValue(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(mustacheValue)
        case .object(let object): Dictionary(object.fields.map { ($0.name, mustacheValue($0.value)) }, uniquingKeysWith: { _, last in last })
        }
    }
}
