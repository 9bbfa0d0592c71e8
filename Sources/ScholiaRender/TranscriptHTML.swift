import ScholiaModel
import ScholiaLoad

/// The transcript as HTML: one `class="turn"` element per speaker turn, labels linking to speaker pages,
/// a stable `id="pN"` and a number in the margin on every paragraph, highlighted passages, and after each
/// annotated paragraph its notes (in the margin on a wide screen, in place on a narrow one).
struct TranscriptHTML: Sendable {
    let routes: Routes
    /// The page a `link` annotation points to, by id.
    var linkTarget: @Sendable (String) -> (href: String, title: String)? = { _ in nil }
    /// A note's tag as a reader sees it: a topic's title and page, or the tag made readable.
    var tagTarget: @Sendable (String) -> (href: String?, title: String) = { (nil, $0) }

    func render(_ transcript: Transcript, annotations: [AnchoredAnnotation] = []) -> String {
        let notes = Dictionary(grouping: annotations, by: \.paragraph)
        var html = ""
        for turn in transcript.highlighting(annotations).turns {
            var label = ""
            if let text = turn.label, let speaker = turn.speakerID {
                let escaped = HTML.escape(text)
                label = turn.isDeclaredSpeaker
                    ? "<a class=\"speaker-label\" href=\"\(HTML.escape(routes.link(Routes.speaker(speaker))))\">\(escaped)</a>: "
                    : "<span class=\"speaker-label\">\(escaped)</span>: "
                html += "<div class=\"turn\" data-speaker=\"\(HTML.escape(speaker))\">\n"
            } else {
                html += "<div class=\"passage\">\n"
            }
            for block in turn.blocks {
                switch block {
                case .paragraph(let paragraph):
                    let number = paragraph.number
                    html += "<p id=\"p\(number)\"><a class=\"paragraph-number\" href=\"#p\(number)\" aria-label=\"Paragraph \(number)\">\(number)</a>"
                    html += "\(label)\(paragraph.html)</p>\n"
                    if let here = notes[number] { html += notesHTML(here, paragraph: number) }
                    label = ""
                case .other(let blockHTML, _):
                    html += blockHTML
                }
            }
            html += "</div>\n"
        }
        return html
    }

    /// The notes on one paragraph: each a `<details>` that works by keyboard and without JavaScript.
    private func notesHTML(_ notes: [AnchoredAnnotation], paragraph: Int) -> String {
        var html = "<aside class=\"notes\" aria-label=\"Notes on paragraph \(paragraph)\">\n"
        for note in notes { html += noteHTML(note) }
        return html + "</aside>\n"
    }

    /// The first words of a note (about one line of the margin), shown while the note is closed. Cut between
    /// words, so that an escaped character such as `&amp;` is never split.
    static func teaser(_ noteHTML: String, limit: Int = 26) -> String {
        let text = noteHTML.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        var words: [Substring] = [], length = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            if length + word.count > limit {
                let cut = words.joined(separator: " ")
                // Not ";", which may end an escaped character such as `&quot;`.
                return String(cut.reversed().drop { ",:–—".contains($0) }.reversed()) + "…"
            }
            words.append(word)
            length += word.count + 1
        }
        return words.joined(separator: " ")
    }

    func noteHTML(_ note: AnchoredAnnotation) -> String {
        let annotation = note.annotation
        let kind = annotation.kind
        var html = "<details class=\"note kind-\(kind.rawValue)\" id=\"\(note.noteID)\">\n"
        html += "<summary><span class=\"note-number\">\(note.number)</span> <span class=\"note-kind\">\(kind.title)</span>"
        if let teaser = annotation.noteHTML.map({ Self.teaser($0) }), !teaser.isEmpty { html += " <span class=\"note-teaser\">\(teaser)</span>" }
        html += "</summary>\n"
        html += "<div class=\"note-body\">\n"
        if let body = annotation.noteHTML { html += body.hasPrefix("<") ? body : "<p>\(body)</p>\n" }
        if let id = annotation.link, let target = linkTarget(id) {
            html += "<p class=\"note-link\">See <a href=\"\(HTML.escape(target.href))\">\(HTML.escape(target.title))</a></p>\n"
        }
        var meta: [String] = []
        if let author = annotation.author { meta.append("— " + HTML.escape(author)) }
        if !annotation.tags.isEmpty {
            meta.append(annotation.tags.map { tag in
                let target = tagTarget(tag)
                return target.href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(target.title))</a>" } ?? HTML.escape(target.title)
            }.joined(separator: ", "))
        }
        if !meta.isEmpty { html += "<p class=\"note-meta\">\(meta.joined(separator: " · "))</p>\n" }
        return html + "</div>\n</details>\n"
    }
}
