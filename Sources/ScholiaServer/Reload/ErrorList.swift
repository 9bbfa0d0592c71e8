import ScholiaModel
import ScholiaCore

/// The failed build's errors as markup: file, line, column and message for each, styled inline so that it
/// reads the same whatever the theme's CSS does.
enum ErrorList {
    static let elementID = "scholia-build-errors"

    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = errors.isEmpty ? diagnostics : errors
        let items = shown.map { diagnostic in
            let place = "\(diagnostic.location.path):\(max(diagnostic.location.line, 1)):\(max(diagnostic.location.column, 1))"
            return "<li><code>\(HTML.escape(place))</code> \(HTML.escape(diagnostic.message))</li>"
        }
        let count = shown.count == 1 ? "1 error" : "\(shown.count) errors"
        return """
        <section id="\(elementID)" role="alert" style="margin:0;padding:1em 1.5em;background:#fff0f0;color:#5c0000;\
        border-bottom:3px solid #c00;font:15px/1.4 system-ui,sans-serif">
        <h2 style="margin:0 0 .5em;font-size:1.2em">The site does not build: \(count)</h2>
        <ol style="margin:0;padding-left:1.5em">
        \(items.joined(separator: "\n"))
        </ol>
        <p style="margin:.5em 0 0">Below is the last good build. Fix the files and save: the page reloads by itself.</p>
        </section>

        """
    }
}
