import Foundation
import Templating

/// The theme's Mustache templates, loaded once; a template with a syntax error is a diagnostic.
struct TemplateSet: Sendable {
    let library: TemplateLibrary

    /// Templates every theme must have.
    static let required = ["home", "documents", "document", "speakers", "speaker", "topics", "topic", "years", "list",
                           "collections", "collection", "404"]

    static func load(from directory: URL, _ diagnostics: inout DiagnosticList) -> TemplateSet? {
        var library = TemplateLibrary()
        let found = FileTree.files(under: directory).filter { $0.hasSuffix(".mustache") }
        for path in found {
            let display = "Templates/" + path
            guard let text = ContentFile.read(directory.appendingPathComponent(path), displayPath: display, &diagnostics) else { continue }
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch {
                diagnostics.error("template syntax error: \(error.message)", at: SourceLocation(path: display, line: error.line, column: error.column))
            }
        }
        for name in required where !library.has(name) && !found.contains(name + ".mustache") {
            diagnostics.error("the theme has no template '\(name).mustache'", at: SourceLocation(path: "Templates/\(name).mustache"))
        }
        return diagnostics.hasErrors ? nil : TemplateSet(library: library)
    }

    func render(_ name: String, _ context: TemplateValue) -> String {
        library.render(name, context) ?? ""
    }
}
