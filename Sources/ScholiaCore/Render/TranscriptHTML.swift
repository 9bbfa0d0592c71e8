/// The transcript as HTML: one `class="turn"` element per speaker turn, labels linking to speaker pages,
/// and a stable `id="pN"` on every paragraph for pinpoint links.
enum TranscriptHTML {
    static func render(_ transcript: Transcript, routes: Routes) -> String {
        var html = ""
        for turn in transcript.turns {
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
                    html += "<p id=\"p\(paragraph.number)\">\(label)\(paragraph.html)</p>\n"
                    label = ""
                case .other(let blockHTML):
                    html += blockHTML
                }
            }
            html += "</div>\n"
        }
        return html
    }
}
