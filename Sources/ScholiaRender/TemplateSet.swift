import Foundation
import Templating
import ScholiaModel
import ScholiaLoad

/// The theme's Mustache templates, loaded once; a template with a syntax error is a diagnostic.
package struct TemplateSet: Sendable {
    let library: TemplateLibrary

    /// The theme's templates: the site's own where it has them, the built-in ones otherwise.
    package static func load(from theme: Theme, _ diagnostics: inout DiagnosticList) -> TemplateSet? {
        var library = TemplateLibrary()
        for file in theme.templates {
            let display = "Templates/" + file.path
            let text: String
            switch file.source {
            case .builtIn(let contents): text = contents
            case .site(let url):
                guard let read = ContentFile.read(url, displayPath: display, &diagnostics) else { continue }
                text = read
            }
            do {
                try library.register(text, named: String(file.path.dropLast(".mustache".count)))
            } catch {
                diagnostics.error("template syntax error: \(error.message)", at: SourceLocation(path: display, line: error.line, column: error.column))
            }
        }
        return diagnostics.hasErrors ? nil : TemplateSet(library: library)
    }

    func render(_ name: String, _ context: TemplateValue) -> String {
        library.render(name, context) ?? ""
    }
}
