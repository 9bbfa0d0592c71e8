import Foundation
import Markdown
import ScholiaModel

/// A summary's Markdown, with a warning when raw HTML in it is dropped: readers would otherwise find an empty
/// summary (or one missing words) with nothing in the build's output to say why.
enum SummaryMarkdown {
    static let omitted = "<!-- raw HTML omitted -->"

    static func parse(_ summary: String, unsafeHTML: Bool, at location: SourceLocation,
                      _ diagnostics: inout DiagnosticList) -> MarkdownDocument {
        let document = MarkdownDocument(summary, unsafeHTML: unsafeHTML)
        guard !unsafeHTML else { return document }
        let html = document.html
        if html.hasPrefix(omitted) {
            // cmark reads a line that opens with a block tag (`<div>`, `<p>`) as an HTML block, which runs to the
            // next blank line: in a one-paragraph summary that is all of it.
            diagnostics.warning("the summary starts with a block HTML tag, so cmark reads it as raw HTML and omits all of it; "
                                + "write it as Markdown, or set 'unsafe_html: true' in site.yml to keep HTML", at: location)
        } else if html.contains(omitted) {
            diagnostics.warning("raw HTML in the summary is omitted; write Markdown, or set 'unsafe_html: true' in site.yml to keep it",
                                at: location)
        }
        return document
    }
}
